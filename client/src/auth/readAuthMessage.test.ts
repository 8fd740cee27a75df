import { describe, expect, it } from 'vitest';
import { AUTH_DENIED, AUTH_ROLE, readAuthMessage } from './readAuthMessage.ts';

/** An auth message body as lib0 writes it: the sub-type, then a string (a varuint byte length and UTF-8). */
function body(subType: number, text: string): { arr: Uint8Array; pos: number } {
  const utf8 = new TextEncoder().encode(text);
  const length: number[] = [];
  for (let n = utf8.length; ; n = Math.floor(n / 128)) {
    length.push(n > 0x7f ? (n & 0x7f) | 0x80 : n);
    if (n <= 0x7f) break;
  }
  return { arr: new Uint8Array([subType, ...length, ...utf8]), pos: 0 };
}

describe('readAuthMessage', () => {
  it('reads y-protocols’ permission-denied, long reasons and non-ASCII included', () => {
    expect(readAuthMessage(body(AUTH_DENIED, 'read-only'))).toEqual({ kind: 'denied', reason: 'read-only' });
    const long = `只读${'x'.repeat(300)}`;
    expect(readAuthMessage(body(AUTH_DENIED, long))).toEqual({ kind: 'denied', reason: long });
  });

  it('reads the server’s role message', () => {
    for (const role of ['owner', 'editor', 'viewer']) {
      expect(readAuthMessage(body(AUTH_ROLE, role))).toEqual({ kind: 'role', role });
    }
  });

  it('ignores a role or a sub-type it does not know', () => {
    expect(readAuthMessage(body(AUTH_ROLE, 'superuser'))).toBeNull();
    expect(readAuthMessage(body(7, 'editor'))).toBeNull();
  });

  it('throws on a truncated message', () => {
    const cut = body(AUTH_ROLE, 'editor');
    expect(() => readAuthMessage({ arr: cut.arr.subarray(0, 4), pos: 0 })).toThrow('ended inside a string');
    expect(() => readAuthMessage({ arr: new Uint8Array([0x80]), pos: 0 })).toThrow('ended inside a number');
  });
});
