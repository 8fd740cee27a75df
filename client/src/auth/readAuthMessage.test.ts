import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { AUTH_DENIED, AUTH_ROLE, readAuthMessage } from './readAuthMessage.ts';

/** An auth message body as the server writes it: the sub-type, then a string. */
function bytes(subType: number, text: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, subType);
  encoding.writeVarString(encoder, text);
  return encoding.toUint8Array(encoder);
}

const body = (subType: number, text: string) => decoding.createDecoder(bytes(subType, text));

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
    const cut = bytes(AUTH_ROLE, 'editor').subarray(0, 4);
    expect(() => readAuthMessage(decoding.createDecoder(cut))).toThrow();
    expect(() => readAuthMessage(decoding.createDecoder(Uint8Array.of(0x80)))).toThrow();
  });
});
