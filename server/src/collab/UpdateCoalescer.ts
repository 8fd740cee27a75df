/** An update on its way to a document's sessions, and where it came from (a session, or the relay, or the server). */
export interface OutgoingUpdate {
  update: Uint8Array;
  origin: unknown;
}

/** When one document's updates are merged before they go out. */
export interface CoalescingOptions {
  /**
   * Deliveries per second (updates × sessions) of one document from which its updates are merged. Below it every
   * update goes out as soon as it is stored.
   * @default 20000
   */
  hotDeliveriesPerSecond: number;
  /** Longest an update waits to be merged with the ones after it while its document is that busy, in ms. @default 16 */
  windowMs: number;
}

export const DEFAULT_COALESCING: Readonly<CoalescingOptions> = { hotDeliveriesPerSecond: 20_000, windowMs: 16 };

/** The update rate is measured over buckets this long. */
const RATE_BUCKET_MS = 250;

/**
 * Sends a document's stored updates to its sessions, merging them when the document gets more than its clients can
 * apply one by one. Each message a client receives costs it a transaction, and with many sessions typing at once
 * that, not the server, is what saturates: 150 clients typing 5 chars/s each get 745 messages/s apiece, and applying
 * a merged update of 10 keystrokes costs a client about what 1.5 single ones do. So while a document is hot, an update
 * waits at most `windowMs` (one frame) for the ones after it. The first update after a quiet window still goes out at
 * once, and a document below the rate never waits.
 */
export class UpdateCoalescer {
  readonly #deliver: (items: OutgoingUpdate[]) => void;
  readonly #options: CoalescingOptions;
  #queued: OutgoingUpdate[] = [];
  #timer: NodeJS.Timeout | null = null;
  #lastDelivery = Number.NEGATIVE_INFINITY;
  #bucketStart = performance.now();
  #bucketCount = 0;
  /** Updates per second over the last full bucket. */
  #rate = 0;

  /** `deliver` sends updates, in order, to every session of the document. */
  constructor(deliver: (items: OutgoingUpdate[]) => void, options: CoalescingOptions = DEFAULT_COALESCING) {
    this.#deliver = deliver;
    this.#options = options;
  }

  /** Updates waiting for the window to close. */
  get queued(): number {
    return this.#queued.length;
  }

  /** Hands stored updates on, in order: at once, or with the next merged delivery while the document is hot. */
  push(items: OutgoingUpdate[], sessions: number): void {
    if (items.length === 0) return;
    const now = performance.now();
    this.#count(items.length, now);
    if (this.#timer) {
      for (const item of items) this.#queued.push(item);
      return;
    }
    const { windowMs, hotDeliveriesPerSecond } = this.#options;
    const hot = windowMs > 0 && this.#rate * sessions >= hotDeliveriesPerSecond;
    if (!hot || now - this.#lastDelivery >= windowMs) {
      this.#lastDelivery = now;
      this.#deliver(items);
      return;
    }
    this.#queued = [...items];
    this.#timer = setTimeout(() => this.flush(), this.#lastDelivery + windowMs - now);
    this.#timer.unref();
  }

  /** Delivers whatever waits now. */
  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#queued.length === 0) return;
    const items = this.#queued;
    this.#queued = [];
    this.#lastDelivery = performance.now();
    this.#deliver(items);
  }

  /** Drops what waits (the document is going away with its sessions). */
  close(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#queued = [];
  }

  #count(n: number, now: number): void {
    const elapsed = now - this.#bucketStart;
    if (elapsed >= RATE_BUCKET_MS) {
      this.#rate = (this.#bucketCount * 1000) / elapsed;
      this.#bucketStart = now;
      this.#bucketCount = 0;
    }
    this.#bucketCount += n;
  }
}
