import { TokenBucket } from './TokenBucket.ts';

/** Buckets are swept this often; a full bucket is dropped, so idle keys cost nothing. */
const SWEEP_EVERY_MS = 1000;

/**
 * One {@link TokenBucket} per key (a remote address), `perSecond` events per second with a burst of as many. Memory
 * stays bounded by the keys active in the last second or so: full buckets are forgotten.
 */
export class KeyedRateLimiter {
  readonly perSecond: number;
  readonly #buckets = new Map<string, TokenBucket>();
  #sweptAt = 0;

  constructor(perSecond: number) {
    this.perSecond = perSecond;
  }

  /** Counts an event for `key`; false when it is over the rate. */
  take(key: string, now = performance.now()): boolean {
    return this.#bucket(key, now).take(now);
  }

  /** Charges `key` `tokens` events at once (a penalty for costly behaviour). */
  penalize(key: string, tokens: number, now = performance.now()): void {
    this.#bucket(key, now).drain(tokens, now);
  }

  /** Keys with a bucket right now (for tests and metrics). */
  get size(): number {
    return this.#buckets.size;
  }

  #bucket(key: string, now: number): TokenBucket {
    if (now - this.#sweptAt >= SWEEP_EVERY_MS) this.#sweep(now);
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.perSecond, this.perSecond, now);
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }

  #sweep(now: number): void {
    this.#sweptAt = now;
    for (const [key, bucket] of this.#buckets) if (bucket.isFull(now)) this.#buckets.delete(key);
  }
}
