import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

/** How long updates gather before one IndexedDB write. */
const BATCH_MS = 50;

/**
 * y-indexeddb's browser copy of a Y.Doc, but writing the updates of a short window as one merged update instead of
 * opening an IndexedDB transaction inside every keystroke (and every remote change) — about a millisecond each.
 * Pending updates are written when the page is hidden or closed, and on destroy.
 */
export class BatchedIndexeddbPersistence extends IndexeddbPersistence {
  #pending: Uint8Array[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #writeNow: (update: Uint8Array, origin: unknown) => void;
  readonly #onHide = () => this.flush();

  constructor(name: string, doc: Y.Doc) {
    super(name, doc);
    // Take the library's writer off the doc and feed it batches instead.
    this.#writeNow = this._storeUpdate;
    doc.off('update', this._storeUpdate);
    this._storeUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      this.#pending.push(update);
      this.#timer ??= setTimeout(() => this.flush(), BATCH_MS);
    };
    doc.on('update', this._storeUpdate);
    window.addEventListener('pagehide', this.#onHide);
    document.addEventListener('visibilitychange', this.#onHide);
  }

  /** Writes the pending updates now (one merged update). */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#pending.length === 0) return;
    const batch = this.#pending.length === 1 ? this.#pending[0] : Y.mergeUpdates(this.#pending);
    this.#pending = [];
    // Before the database is open the library skips writes: the state is captured when it opens instead.
    if (batch) this.#writeNow(batch, null);
  }

  override destroy(): Promise<void> {
    this.flush();
    window.removeEventListener('pagehide', this.#onHide);
    document.removeEventListener('visibilitychange', this.#onHide);
    return super.destroy();
  }
}
