/** What `LoginLimiter.check` answers: allowed, or how long to wait. */
export type LoginCheck = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Failed logins per key (username + address) in a fixed window: past `maxFailures` in `windowMs`, logins for that key
 * are refused until the window ends. Only failures count, so people who share an address and log in right are never
 * held up; a success clears the key.
 */
export class LoginLimiter {
  readonly maxFailures: number;
  readonly windowMs: number;
  readonly #windows = new Map<string, { startedAt: number; failures: number }>();

  constructor(maxFailures = 10, windowMs = 60_000) {
    this.maxFailures = maxFailures;
    this.windowMs = windowMs;
  }

  check(key: string, now = Date.now()): LoginCheck {
    const window = this.#windows.get(key);
    if (!window || now - window.startedAt >= this.windowMs || window.failures < this.maxFailures) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000)) };
  }

  fail(key: string, now = Date.now()): void {
    if (this.#windows.size > 10_000) this.#sweep(now);
    const window = this.#windows.get(key);
    if (!window || now - window.startedAt >= this.windowMs) this.#windows.set(key, { startedAt: now, failures: 1 });
    else window.failures++;
  }

  succeed(key: string): void {
    this.#windows.delete(key);
  }

  #sweep(now: number): void {
    for (const [key, window] of this.#windows) if (now - window.startedAt >= this.windowMs) this.#windows.delete(key);
  }
}
