/**
 * A token bucket: holds up to `capacity` tokens, refilled at `perSecond`; each event takes one. Lets a burst of
 * `capacity` through, then `perSecond` on average.
 */
export class TokenBucket {
  readonly capacity: number;
  readonly perSecond: number;
  #tokens: number;
  #at: number;

  constructor(capacity: number, perSecond: number, now = performance.now()) {
    this.capacity = capacity;
    this.perSecond = perSecond;
    this.#tokens = capacity;
    this.#at = now;
  }

  /** Takes a token if there is one; false means the event is over the rate. */
  take(now = performance.now()): boolean {
    this.#refill(now);
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Takes `tokens` at once, below zero if need be: the bucket then lets nothing through until it has refilled. */
  drain(tokens: number, now = performance.now()): void {
    this.#refill(now);
    this.#tokens -= tokens;
  }

  /** True when the bucket has refilled completely, so forgetting it changes nothing. */
  isFull(now = performance.now()): boolean {
    this.#refill(now);
    return this.#tokens >= this.capacity;
  }

  #refill(now: number): void {
    const elapsed = Math.max(0, now - this.#at) / 1000;
    this.#at = now;
    this.#tokens = Math.min(this.capacity, this.#tokens + elapsed * this.perSecond);
  }
}
