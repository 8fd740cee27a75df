import { describe, expect, it } from 'vitest';
import { KeyedRateLimiter } from './KeyedRateLimiter.ts';
import { TokenBucket } from './TokenBucket.ts';

describe('TokenBucket', () => {
  it('lets a burst of its capacity through, then refills at its rate', () => {
    const bucket = new TokenBucket(3, 2, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(400)).toBe(false);
    expect(bucket.take(500)).toBe(true);
    expect(bucket.isFull(500)).toBe(false);
    expect(bucket.isFull(2000)).toBe(true);
    // Never more than the capacity, however long it idled.
    expect([bucket.take(60_000), bucket.take(60_000), bucket.take(60_000), bucket.take(60_000)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('KeyedRateLimiter', () => {
  it('limits each key on its own and forgets idle keys', () => {
    const limiter = new KeyedRateLimiter(2);
    expect([limiter.take('a', 0), limiter.take('a', 0), limiter.take('a', 0)]).toEqual([true, true, false]);
    expect(limiter.take('b', 0)).toBe(true);
    expect(limiter.size).toBe(2);
    // A second later both buckets are full again: the sweep drops them, and only the new key remains.
    expect(limiter.take('c', 1500)).toBe(true);
    expect(limiter.size).toBe(1);
    expect(limiter.take('a', 1500)).toBe(true);
  });
});
