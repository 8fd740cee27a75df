/**
 * Storage for the co-editing server: one durable, append-only log of Yjs updates per document.
 *
 * - The server appends every update and waits for `append` to resolve before broadcasting it, so an
 *   acknowledged update survives a process crash.
 * - `load` returns the log in order; applying it to a fresh `Y.Doc` rebuilds the document.
 * - `compact` folds the log into one encoded state (`Y.Doc` + `Y.encodeStateAsUpdate`; `Y.mergeUpdates` is
 *   super-linear on long logs) without losing appends that arrive while it runs.
 * - `SqliteStore` is the embedded default; other back ends (PostgreSQL) must pass the same contract suite,
 *   `server/test/storage/documentStoreContract.ts`.
 */

/** What `list` reports about one stored document. */
export interface StoredDocumentInfo {
  docId: string;
  /** Rows in the log (1 right after a compaction with no later appends). */
  updates: number;
  /** Sum of the stored update sizes. */
  bytes: number;
  /** When the newest row was written, ms since the epoch. */
  updatedAt: number;
}

/** Durable, append-only Yjs update log per document, with compaction. */
export interface DocumentStore {
  /** Every stored update of a document in order (after compaction: one state first); [] when unknown. */
  load(docId: string): Promise<Uint8Array[]>;
  /** Appends one update; resolves once it is committed. Appends made in one event-loop turn share one transaction. */
  append(docId: string, update: Uint8Array, meta?: { origin?: string }): Promise<void>;
  /** Folds the stored updates into one encoded state (Y.Doc + encodeStateAsUpdate, never Y.mergeUpdates); appends made meanwhile are kept. */
  compact(docId: string): Promise<void>;
  list(): Promise<StoredDocumentInfo[]>;
  /** Flushes pending appends and closes. */
  close(): Promise<void>;
}
