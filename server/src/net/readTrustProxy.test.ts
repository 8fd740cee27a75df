import { describe, expect, it } from 'vitest';
import { readTrustProxy } from './readTrustProxy.ts';

describe('readTrustProxy', () => {
  it('is off (0) unless set', () => {
    expect(readTrustProxy({})).toBe(0);
    expect(readTrustProxy({ CLAUSEWRIGHT_TRUST_PROXY: '' })).toBe(0);
    expect(readTrustProxy({ CLAUSEWRIGHT_TRUST_PROXY: '0' })).toBe(0);
  });

  it('reads a hop count', () => {
    expect(readTrustProxy({ CLAUSEWRIGHT_TRUST_PROXY: '1' })).toBe(1);
    expect(readTrustProxy({ CLAUSEWRIGHT_TRUST_PROXY: ' 2 ' })).toBe(2);
    expect(readTrustProxy({ CLAUSEWRIGHT_TRUST_PROXY: '16' })).toBe(16);
  });

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['true', 'yes', '-1', '1.5', '17', '127.0.0.1', '1e1']) {
      expect(() => readTrustProxy({ CLAUSEWRIGHT_TRUST_PROXY: bad }), bad).toThrow(
        `CLAUSEWRIGHT_TRUST_PROXY must be the number of proxies in front of the server, 0–16 (0 = none), got "${bad}"`,
      );
    }
  });
});
