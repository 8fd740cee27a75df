import { describe, expect, it } from 'vitest';
import { compareStreamIds } from './compareStreamIds.ts';

describe('compareStreamIds', () => {
  it('orders by time, then by sequence, as numbers (not as strings)', () => {
    expect(compareStreamIds('1700000000000-0', '1700000000000-0')).toBe(0);
    expect(compareStreamIds('1700000000000-1', '1700000000000-0')).toBeGreaterThan(0);
    expect(compareStreamIds('999-5', '1000-0')).toBeLessThan(0);
    expect(compareStreamIds('10-10', '10-9')).toBeGreaterThan(0);
    expect(compareStreamIds('0-0', '1-0')).toBeLessThan(0);
  });

  it('compares ids past 2^53 exactly', () => {
    expect(compareStreamIds('9007199254740993-0', '9007199254740992-0')).toBeGreaterThan(0);
  });
});
