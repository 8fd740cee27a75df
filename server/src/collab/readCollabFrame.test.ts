import { describe, expect, it } from 'vitest';
import { FrameError, readCollabFrame } from './readCollabFrame.ts';

const reasonOf = (bytes: number[]) => {
  try {
    readCollabFrame(new Uint8Array(bytes));
    return 'ok';
  } catch (error) {
    return error instanceof FrameError ? error.reason : `unexpected ${String(error)}`;
  }
};

describe('readCollabFrame', () => {
  it('reads the four client messages', () => {
    expect(readCollabFrame(new Uint8Array([0, 0, 1, 0]))).toEqual({
      kind: 'sync-request',
      stateVector: new Uint8Array([0]),
    });
    expect(readCollabFrame(new Uint8Array([0, 1, 2, 0, 0]))).toEqual({
      kind: 'update',
      update: new Uint8Array([0, 0]),
    });
    expect(readCollabFrame(new Uint8Array([0, 2, 2, 0, 0]))).toEqual({
      kind: 'update',
      update: new Uint8Array([0, 0]),
    });
    expect(readCollabFrame(new Uint8Array([1, 1, 0]))).toEqual({ kind: 'awareness', update: new Uint8Array([0]) });
    expect(readCollabFrame(new Uint8Array([3]))).toEqual({ kind: 'query-awareness' });
  });

  it.each([
    ['an empty frame', [], 'malformed_frame'],
    ['a truncated varint', [0, 0xff], 'malformed_frame'],
    ['a length past the end', [0, 2, 0xff, 0xff, 0xff, 0x7f, 1, 2], 'malformed_frame'],
    ['a 64-bit message type', [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], 'unknown_message'],
    ['trailing bytes', [0, 0, 1, 0, 9], 'malformed_frame'],
    ['trailing bytes after a query', [3, 3], 'malformed_frame'],
    ['an unknown message type', [7, 1, 2], 'unknown_message'],
    ['an unknown sync step', [0, 3, 1, 0], 'unknown_message'],
  ])('refuses %s', (_name, bytes, reason) => {
    expect(reasonOf(bytes as number[])).toBe(reason);
  });
});
