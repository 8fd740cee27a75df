/**
 * Counts the local document updates made while the server has not confirmed a sync. Remote updates (the provider)
 * and updates replayed from the browser's store are not changes of ours to send, so their origins are ignored.
 */
export class UnsyncedCounter {
  #count = 0;
  #synced = false;
  readonly #ignored: ReadonlySet<unknown>;

  constructor(ignoredOrigins: Iterable<unknown>) {
    this.#ignored = new Set(ignoredOrigins);
  }

  get count(): number {
    return this.#count;
  }

  /** Feed every `update` event of the Y.Doc; returns true when the count changed. */
  update(origin: unknown): boolean {
    if (this.#synced || this.#ignored.has(origin)) return false;
    this.#count++;
    return true;
  }

  /** Feed the provider's sync state; a sync sends everything pending, so the count starts again at 0. */
  sync(synced: boolean): boolean {
    this.#synced = synced;
    if (!synced || this.#count === 0) return false;
    this.#count = 0;
    return true;
  }
}
