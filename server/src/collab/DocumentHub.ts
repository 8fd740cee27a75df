import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createLogger, type Logger } from '../createLogger.ts';
import type { HubRelay } from '../relay/HubRelay.ts';
import type { DocumentStore } from '../storage/DocumentStore.ts';
import type { CollabSession } from './CollabSession.ts';
import { type Batch, HubDocument } from './HubDocument.ts';
import { MetaItems } from './MetaItems.ts';
import { readSummary } from './readSummary.ts';
import { type CoalescingOptions, DEFAULT_COALESCING, type OutgoingUpdate, UpdateCoalescer } from './UpdateCoalescer.ts';

export type { CollabSession } from './CollabSession.ts';
export { HubDocument } from './HubDocument.ts';

/** Pending updates are folded into the state this long after the last one, so joins find it merged. */
const FOLD_IDLE_MS = 1000;
/** The list summary is rewritten this long after the meta map changed (each rewrite reads the whole document). */
const SUMMARY_DELAY_MS = 200;

/** Tuning for `DocumentHub`. */
export interface DocumentHubOptions {
  /**
   * How long a document without sessions stays loaded before it is compacted and unloaded, in ms.
   * @default 30000
   */
  unloadAfterMs?: number;
  /** Where failures the hub survives are reported. @default createLogger() */
  logger?: Logger;
  /**
   * How long a whole-document read (`readDoc`) keeps its Y.Doc, in ms, so reads that come in bursts (open the
   * history, diff against the draft, publish) build it once.
   * @default 30000
   */
  keepReadDocMs?: number;
  /**
   * Encoded size of all documents whose Y.Doc is kept, at most; the least recently read go first. A Y.Doc's heap is
   * ~18× its encoded size, so the default holds ~40 MB.
   * @default 2097152
   */
  keepReadDocBytes?: number;
  /** When a busy document's updates are merged before they go out (`windowMs: 0` never merges). */
  coalescing?: Partial<CoalescingOptions>;
}

/**
 * Leaving a sender's own updates out of what it receives costs one merge of the others per sender. Past this many
 * senders in one delivery every session gets everything (Yjs skips what a client already has), as the stock
 * y-websocket server sends every update to all.
 */
const MAX_EXCLUDED_SENDERS = 4;

/** Close codes the hub asks the transport to use. */
export const CLOSE_INVALID_UPDATE = 1007;
export const CLOSE_STORE_FAILED = 1011;
export const CLOSE_GOING_AWAY = 1001;

/** Origin of awareness changes that came from another instance: applied and sent to sessions, never relayed back. */
const RELAYED = Symbol('relayed');
/** Origin of the awareness removals of a session that left (relayed, unlike the timeouts each instance runs). */
const LEFT = Symbol('left');
/** Origin of document updates another instance stored. */
const RELAYED_UPDATE = Symbol('relayed update');

/** What `applyRelayedUpdate` did with an update. */
export type RelayedResult = 'applied' | 'known' | 'missing';

/**
 * The co-editing engine, with no transport: loads documents from a `DocumentStore`, applies session updates,
 * stores them and only then broadcasts them to the other sessions, relays awareness and unloads idle documents.
 */
export class DocumentHub {
  readonly store: DocumentStore;
  readonly #unloadAfterMs: number;
  readonly #keepReadDocMs: number;
  readonly #keepReadDocBytes: number;
  readonly #coalescing: CoalescingOptions;
  readonly #logger: Logger;
  readonly #docs = new Map<string, Promise<HubDocument>>();
  readonly #unloading = new Map<string, Promise<void>>();
  readonly #loaded = new Map<string, HubDocument>();
  /** Documents keeping a Y.Doc, least recently read first, with the encoded size each was counted at. */
  readonly #mirrored = new Map<HubDocument, number>();
  #relay: HubRelay | null = null;
  #closed = false;

  constructor(store: DocumentStore, options: DocumentHubOptions = {}) {
    this.store = store;
    this.#unloadAfterMs = options.unloadAfterMs ?? 30_000;
    this.#keepReadDocMs = options.keepReadDocMs ?? 30_000;
    this.#keepReadDocBytes = options.keepReadDocBytes ?? 2 * 1024 * 1024;
    this.#coalescing = { ...DEFAULT_COALESCING, ...options.coalescing };
    this.#logger = options.logger ?? createLogger();
  }

  /**
   * Loads a document (every stored update into a fresh Y.Doc); concurrent opens share one load. Rejects, writing
   * nothing, when the stored bytes cannot be applied — the caller must then refuse the connection.
   */
  open(docId: string): Promise<HubDocument> {
    if (this.#closed) return Promise.reject(new Error('DocumentHub is closed'));
    const existing = this.#docs.get(docId);
    if (existing) return existing;
    const loading = this.#load(docId);
    this.#docs.set(docId, loading);
    // A failed load is forgotten so the next open tries again.
    loading.catch(() => {
      if (this.#docs.get(docId) === loading) this.#docs.delete(docId);
    });
    return loading;
  }

  /** The document if it is loaded now (not loading, not unloaded); reads of the live draft use it. */
  loaded(docId: string): HubDocument | undefined {
    return this.#loaded.get(docId);
  }

  /**
   * Connects a cross-instance relay (see `attachRelay`): stored updates and session awareness go to it, and it feeds
   * other instances' updates back through `applyRelayedUpdate`. Set it before the first document is opened.
   */
  useRelay(relay: HubRelay | null): void {
    this.#relay = relay;
  }

  /**
   * Applies an update another instance stored: sent to every session here, not stored again. `'missing'` when it
   * cannot be applied (undecodable, or it depends on content this instance lacks): catch up with `catchUp`.
   */
  applyRelayedUpdate(hubDoc: HubDocument, update: Uint8Array): RelayedResult {
    const { applied, missing } = this.applyRelayedUpdates(hubDoc, [update]);
    return missing ? 'missing' : applied ? 'applied' : 'known';
  }

  /**
   * Applies updates other instances stored, in order, and sends what they add to every session as one message.
   * Resolves how many added to the document and whether any could not be applied (then catch up with `catchUp`).
   */
  applyRelayedUpdates(hubDoc: HubDocument, updates: Uint8Array[]): { applied: number; missing: boolean } {
    if (hubDoc.unloaded) return { applied: 0, missing: false };
    const added: Uint8Array[] = [];
    let missing = false;
    let foldNow = false;
    for (const update of updates) {
      let decoded: ReturnType<typeof Y.decodeUpdate>;
      try {
        decoded = Y.decodeUpdate(update);
      } catch {
        missing = true;
        continue;
      }
      const admission = hubDoc.admit(decoded);
      if (admission.kind === 'missing') missing = true;
      if (admission.kind !== 'new') continue;
      // Keeps the meta item ids current for later local updates; the instance that stored it writes the summary.
      hubDoc.metaItems.touches(decoded);
      foldNow = hubDoc.push(update, admission.clocks) || foldNow;
      added.push(update);
    }
    if (added.length === 0) return { applied: 0, missing };
    // One message per session however many entries one read brought: clients apply one transaction.
    hubDoc.outbox?.push(
      added.map((update) => ({ update, origin: RELAYED_UPDATE })),
      hubDoc.sessions.size,
    );
    if (foldNow) this.#fold(hubDoc);
    else this.#scheduleFold(hubDoc);
    return { applied: added.length, missing };
  }

  /**
   * Reads the stored log and applies what this instance lacks (by state vector), sending it to the sessions. Merging
   * only adds: a stale log (a slow store) can never take content away. Resolves with what it did.
   */
  async catchUp(hubDoc: HubDocument): Promise<RelayedResult> {
    const stored = await this.store.load(hubDoc.docId);
    if (hubDoc.unloaded) return 'known';
    const doc = new Y.Doc({ gc: true });
    let diff: Uint8Array;
    try {
      doc.transact(() => {
        for (const update of stored) Y.applyUpdate(doc, update);
      });
      diff = Y.encodeStateAsUpdate(doc, hubDoc.encodeStateVector());
    } finally {
      doc.destroy();
    }
    return this.applyRelayedUpdate(hubDoc, diff);
  }

  /** Applies another instance's awareness update and sends it to the sessions here; garbage is ignored. */
  applyRelayedAwareness(hubDoc: HubDocument, update: Uint8Array): void {
    if (hubDoc.unloaded) return;
    try {
      applyAwarenessUpdate(hubDoc.awareness, update, RELAYED);
    } catch (error) {
      this.#logger.warn({ err: error, docId: hubDoc.docId }, 'invalid relayed awareness update; ignored');
    }
  }

  /** Ids of the documents currently loaded or loading. */
  loadedDocIds(): string[] {
    return [...this.#docs.keys()];
  }

  /** Adds a session to a loaded document. Throws when the document was unloaded meanwhile (open it again). */
  connect(hubDoc: HubDocument, session: CollabSession): void {
    if (hubDoc.unloaded) throw new Error(`Document ${hubDoc.docId} was unloaded; open it again`);
    if (hubDoc.unloadTimer) clearTimeout(hubDoc.unloadTimer);
    hubDoc.unloadTimer = null;
    hubDoc.sessions.set(session, new Set());
  }

  /** Removes a session: its awareness states go, and the document unloads after the grace period if it was the last. */
  disconnect(hubDoc: HubDocument, session: CollabSession): void {
    const clients = hubDoc.sessions.get(session);
    if (!clients) return;
    hubDoc.sessions.delete(session);
    if (clients.size) removeAwarenessStates(hubDoc.awareness, [...clients], LEFT);
    this.#scheduleUnload(hubDoc);
  }

  /**
   * Applies a session's update. It is stored, then sent to the other sessions. An update Yjs cannot decode closes
   * only that session; one that holds nothing is ignored.
   */
  receiveUpdate(hubDoc: HubDocument, session: CollabSession, update: Uint8Array): void {
    if (!hubDoc.sessions.has(session)) return;
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      // Decoding reads every struct and the delete set: truncated or garbled bytes throw here, before anything is kept.
      decoded = Y.decodeUpdate(update);
    } catch (error) {
      this.#logger.warn(
        { err: error, docId: hubDoc.docId, name: session.name },
        'invalid update; closing that session',
      );
      this.#drop(hubDoc, session, CLOSE_INVALID_UPDATE, 'invalid Yjs update');
      return;
    }
    const admission = hubDoc.admit(decoded);
    // Nothing new (a fresh client's sync step 2 is empty): nothing to store or send.
    if (admission.kind === 'known') return;
    if (admission.kind === 'missing') {
      // A client sends what it has past the server's state vector, so a reconnect sends the missing part too.
      this.#logger.warn(
        { docId: hubDoc.docId, name: session.name },
        'update depends on content the server does not have; closing that session',
      );
      this.#drop(hubDoc, session, CLOSE_INVALID_UPDATE, 'update depends on missing content');
      return;
    }
    if (hubDoc.metaItems.touches(decoded)) hubDoc.summaryChanged = true;
    const foldNow = hubDoc.push(update, admission.clocks);
    this.#onDocUpdate(hubDoc, update, session);
    if (foldNow) this.#fold(hubDoc);
  }

  /**
   * Applies an update the server itself made (a restore): checked like a session's, stored before it is broadcast,
   * and broadcast to every session. `origin` is the author recorded with it. Throws when it depends on content the
   * document lacks, so build it from `readState` in the same turn.
   */
  applyServerUpdate(hubDoc: HubDocument, update: Uint8Array, origin = 'server'): void {
    if (hubDoc.unloaded) throw new Error(`Document ${hubDoc.docId} was unloaded; open it again`);
    const decoded = Y.decodeUpdate(update);
    const admission = hubDoc.admit(decoded);
    if (admission.kind === 'known') return;
    if (admission.kind === 'missing') throw new Error(`a server update to ${hubDoc.docId} depends on missing content`);
    if (hubDoc.metaItems.touches(decoded)) hubDoc.summaryChanged = true;
    const foldNow = hubDoc.push(update, admission.clocks);
    this.#onDocUpdate(hubDoc, update, origin);
    if (foldNow) this.#fold(hubDoc);
  }

  /** Applies a session's awareness update and relays it to every session. Garbage closes only that session. */
  receiveAwareness(hubDoc: HubDocument, session: CollabSession, update: Uint8Array): void {
    if (!hubDoc.sessions.has(session)) return;
    try {
      applyAwarenessUpdate(hubDoc.awareness, update, session);
    } catch (error) {
      this.#logger.warn(
        { err: error, docId: hubDoc.docId, name: session.name },
        'invalid awareness update; closing that session',
      );
      this.#drop(hubDoc, session, CLOSE_INVALID_UPDATE, 'invalid awareness update');
    }
  }

  /**
   * The whole document as one update (see `HubDocument.encodeFullState`); null when its updates cannot be merged,
   * in which case its sessions are closed and it is dropped from memory (its stored log stays as it is).
   */
  readState(hubDoc: HubDocument): Uint8Array | null {
    return this.#fold(hubDoc) ? hubDoc.encodeFullState() : null;
  }

  /**
   * Reads the whole document as it is now, in this turn: `read` gets a Y.Doc holding it (shared: never modify or
   * destroy it, nor keep it past the call) and `encodeState`, the same content as one update. The Y.Doc is kept for
   * a while afterwards, within a memory budget over all documents, and the next read only applies the updates
   * received since.
   */
  readDoc<T>(hubDoc: HubDocument, read: (doc: Y.Doc, encodeState: () => Uint8Array) => T): T {
    if (hubDoc.unloaded) throw new Error(`Document ${hubDoc.docId} was unloaded; open it again`);
    const size = hubDoc.stateBytes;
    if (!this.#keepMirror(hubDoc, size)) {
      const { doc, state } = hubDoc.toYDocUnmerged();
      try {
        return read(doc, () => state ?? Y.encodeStateAsUpdate(doc));
      } finally {
        doc.destroy();
      }
    }
    let doc: Y.Doc;
    try {
      doc = hubDoc.mirror();
    } catch (error) {
      this.#dropMirror(hubDoc);
      throw error;
    }
    return read(doc, () => hubDoc.encodeMirrorState());
  }

  /** Resolves once every update applied so far is stored (and sent, or waiting at most one window to be merged). */
  whenStored(hubDoc: HubDocument): Promise<void> {
    return hubDoc.settled;
  }

  /** Closes every session, stores what is pending, compacts and unloads every document. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const docs = await Promise.allSettled([...this.#docs.values()]);
    await Promise.allSettled(
      docs.map((result) => (result.status === 'fulfilled' ? this.#unload(result.value, true) : undefined)),
    );
    await Promise.allSettled(this.#unloading.values());
  }

  async #load(docId: string): Promise<HubDocument> {
    // A document being unloaded is compacted first, then read back.
    await this.#unloading.get(docId)?.catch(() => {});
    let hubDoc: HubDocument;
    try {
      // The relay notes its position in the document's feed before the log is read: nothing falls in between.
      await this.#relay?.opening(docId);
      hubDoc = readStored(docId, await this.store.load(docId));
    } catch (error) {
      this.#relay?.closed(docId);
      throw error;
    }
    hubDoc.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) =>
        this.#onAwarenessUpdate(hubDoc, added, updated, removed, origin),
    );
    if (this.#closed) {
      this.#destroy(hubDoc);
      this.#relay?.closed(docId);
      throw new Error('DocumentHub is closed');
    }
    hubDoc.outbox = new UpdateCoalescer((items) => this.#broadcast(hubDoc, items), this.#coalescing);
    this.#loaded.set(docId, hubDoc);
    this.#scheduleUnload(hubDoc);
    this.#relay?.opened(hubDoc);
    return hubDoc;
  }

  #onDocUpdate(hubDoc: HubDocument, update: Uint8Array, origin: unknown): void {
    let batch = hubDoc.batch;
    if (!batch) {
      const fresh: Batch = { items: [], appends: [] };
      batch = fresh;
      hubDoc.batch = fresh;
      // The batch closes at the end of this turn; it is broadcast once all its appends are committed, after
      // every earlier batch.
      setImmediate(() => {
        if (hubDoc.batch === fresh) hubDoc.batch = null;
      });
      hubDoc.settled = hubDoc.settled.then(() => this.#storeAndBroadcast(hubDoc, fresh));
    }
    const name = isSession(hubDoc, origin) ? origin.name : typeof origin === 'string' ? origin : 'server';
    batch.items.push({ update, origin });
    let append: Promise<void>;
    try {
      append = this.store.append(hubDoc.docId, update, { origin: name });
    } catch (error) {
      append = Promise.reject(error);
    }
    // Handled in #storeAndBroadcast, a turn later; this keeps the rejection from counting as unhandled meanwhile.
    append.catch(() => {});
    batch.appends.push(append);
  }

  async #storeAndBroadcast(hubDoc: HubDocument, batch: Batch): Promise<void> {
    // Wait for the turn to end so every update of the batch has its append.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      await Promise.all(batch.appends);
    } catch (error) {
      // Not stored, so not acknowledged: drop the in-memory state and let clients resync into a fresh load.
      this.#logger.error({ err: error, docId: hubDoc.docId }, 'storing an update failed; closing its sessions');
      await Promise.allSettled(batch.appends);
      for (const session of [...hubDoc.sessions.keys()]) {
        this.#drop(hubDoc, session, CLOSE_STORE_FAILED, 'storing the document failed');
      }
      this.#forget(hubDoc);
      return;
    }
    if (hubDoc.summaryChanged && !hubDoc.summaryTimer) {
      hubDoc.summaryTimer = setTimeout(() => {
        hubDoc.summaryTimer = null;
        void this.#writeSummary(hubDoc);
      }, SUMMARY_DELAY_MS);
      hubDoc.summaryTimer.unref();
    }
    // Published only once stored (an instance that misses it finds it in the store), even if unloaded meanwhile.
    if (this.#relay) this.#relay.stored(hubDoc, mergeAll(batch.items.map((item) => item.update)));
    hubDoc.outbox?.push(batch.items, hubDoc.sessions.size);
    this.#scheduleFold(hubDoc);
  }

  #scheduleFold(hubDoc: HubDocument): void {
    if (hubDoc.foldTimer) clearTimeout(hubDoc.foldTimer);
    hubDoc.foldTimer = setTimeout(() => {
      hubDoc.foldTimer = null;
      if (!hubDoc.unloaded) this.#fold(hubDoc);
    }, FOLD_IDLE_MS);
    hubDoc.foldTimer.unref();
  }

  /** Writes the list summary (title, locale, numbering) from the document's meta map, read in a throwaway copy. */
  async #writeSummary(hubDoc: HubDocument): Promise<void> {
    if (!hubDoc.summaryChanged) return;
    hubDoc.summaryChanged = false;
    let summary: ReturnType<typeof readSummary>;
    try {
      const copy = hubDoc.toYDoc();
      summary = readSummary(copy);
      copy.destroy();
    } catch (error) {
      this.#logger.error({ err: error, docId: hubDoc.docId }, 'reading the summary failed');
      return;
    }
    if (!summary) return;
    try {
      await this.store.setSummary(hubDoc.docId, summary);
    } catch (error) {
      this.#logger.error({ err: error, docId: hubDoc.docId }, 'storing the summary failed');
    }
  }

  /** Merges the pending updates into the state; a state that cannot be merged is dropped like a failed store. */
  #fold(hubDoc: HubDocument): boolean {
    try {
      hubDoc.encodeFullState();
      return true;
    } catch (error) {
      this.#logger.error({ err: error, docId: hubDoc.docId }, 'merging updates failed; closing its sessions');
      for (const session of [...hubDoc.sessions.keys()]) {
        this.#drop(hubDoc, session, CLOSE_STORE_FAILED, 'merging the document failed');
      }
      this.#forget(hubDoc);
      return false;
    }
  }

  /**
   * Sends stored updates to every session except where an update came from. Encoded once for every session that sent
   * nothing of them, and once per sending session (at most `MAX_EXCLUDED_SENDERS`), never once per receiver.
   */
  #broadcast(hubDoc: HubDocument, items: OutgoingUpdate[]): void {
    let all: Uint8Array | undefined;
    const senders = new Set<CollabSession>();
    for (const item of items) if (isSession(hubDoc, item.origin)) senders.add(item.origin);
    const perSender = new Map<CollabSession, Uint8Array | null>();
    if (senders.size <= MAX_EXCLUDED_SENDERS) {
      for (const sender of senders) {
        const others = items.filter((item) => item.origin !== sender).map((item) => item.update);
        perSender.set(sender, others.length ? mergeAll(others) : null);
      }
    }
    for (const session of hubDoc.sessions.keys()) {
      let update = perSender.get(session);
      if (!perSender.has(session)) {
        // Merged once, for the sessions that sent none of it; when every session sent some, nobody needs it.
        all ??= mergeAll(items.map((item) => item.update));
        update = all;
      }
      if (update) session.sendUpdate(update);
    }
  }

  #onAwarenessUpdate(hubDoc: HubDocument, added: number[], updated: number[], removed: number[], origin: unknown) {
    const changed = [...added, ...updated, ...removed];
    if (isSession(hubDoc, origin)) {
      const controlled = hubDoc.sessions.get(origin);
      for (const id of added) controlled?.add(id);
      for (const id of removed) controlled?.delete(id);
    }
    if (changed.length === 0) return;
    const message = encodeAwarenessUpdate(hubDoc.awareness, changed);
    for (const session of hubDoc.sessions.keys()) session.sendAwareness(message);
    // Each instance times remote states out on its own; only this instance's sessions' changes travel.
    if (this.#relay && (origin === LEFT || isSession(hubDoc, origin))) this.#relay.awareness(hubDoc, message);
  }

  #drop(hubDoc: HubDocument, session: CollabSession, code: number, reason: string): void {
    this.disconnect(hubDoc, session);
    session.close(code, reason);
  }

  #scheduleUnload(hubDoc: HubDocument): void {
    if (hubDoc.unloaded || hubDoc.sessions.size > 0 || this.#closed) return;
    if (hubDoc.unloadTimer) clearTimeout(hubDoc.unloadTimer);
    hubDoc.unloadTimer = setTimeout(() => {
      hubDoc.unloadTimer = null;
      if (hubDoc.sessions.size === 0) void this.#unload(hubDoc, false);
    }, this.#unloadAfterMs);
    hubDoc.unloadTimer.unref();
  }

  /** Unloads a document: sessions closed, pending updates stored, log compacted, memory released. */
  #unload(hubDoc: HubDocument, closeSessions: boolean): Promise<void> {
    if (hubDoc.unloaded) return this.#unloading.get(hubDoc.docId) ?? Promise.resolve();
    if (closeSessions) {
      for (const session of [...hubDoc.sessions.keys()])
        this.#drop(hubDoc, session, CLOSE_GOING_AWAY, 'server closing');
    }
    this.#forget(hubDoc);
    const run = (async () => {
      await hubDoc.settled.catch(() => {});
      await this.#writeSummary(hubDoc);
      try {
        await this.store.compact(hubDoc.docId);
      } catch (error) {
        this.#logger.error({ err: error, docId: hubDoc.docId }, 'compacting failed; its log stays as it is');
      }
    })();
    this.#unloading.set(hubDoc.docId, run);
    const done = () => {
      if (this.#unloading.get(hubDoc.docId) === run) this.#unloading.delete(hubDoc.docId);
    };
    run.then(done, done);
    return run;
  }

  /** Makes room for `hubDoc`'s Y.Doc (dropping the least recently read ones) and restarts its timer; false if too big. */
  #keepMirror(hubDoc: HubDocument, size: number): boolean {
    if (size > this.#keepReadDocBytes) {
      this.#dropMirror(hubDoc);
      return false;
    }
    this.#mirrored.delete(hubDoc);
    let total = size;
    for (const bytes of this.#mirrored.values()) total += bytes;
    for (const [other, bytes] of this.#mirrored) {
      if (total <= this.#keepReadDocBytes) break;
      this.#dropMirror(other);
      total -= bytes;
    }
    this.#mirrored.set(hubDoc, size);
    if (hubDoc.mirrorTimer) clearTimeout(hubDoc.mirrorTimer);
    hubDoc.mirrorTimer = setTimeout(() => this.#dropMirror(hubDoc), this.#keepReadDocMs);
    hubDoc.mirrorTimer.unref();
    return true;
  }

  #dropMirror(hubDoc: HubDocument): void {
    if (hubDoc.mirrorTimer) clearTimeout(hubDoc.mirrorTimer);
    hubDoc.mirrorTimer = null;
    this.#mirrored.delete(hubDoc);
    hubDoc.dropMirror();
  }

  /** Removes a document from memory at once; later opens load it afresh from the store. */
  #forget(hubDoc: HubDocument): void {
    if (hubDoc.unloaded) return;
    hubDoc.unloaded = true;
    for (const timer of [hubDoc.unloadTimer, hubDoc.foldTimer, hubDoc.summaryTimer]) if (timer) clearTimeout(timer);
    hubDoc.unloadTimer = hubDoc.foldTimer = hubDoc.summaryTimer = null;
    this.#dropMirror(hubDoc);
    // Only forget the entry if it is still this document (not a newer load).
    if (this.#loaded.get(hubDoc.docId) === hubDoc) {
      this.#loaded.delete(hubDoc.docId);
      this.#docs.delete(hubDoc.docId);
      this.#relay?.closed(hubDoc.docId);
    }
    this.#destroy(hubDoc);
  }

  #destroy(hubDoc: HubDocument): void {
    hubDoc.destroy();
  }
}

/**
 * Validates a stored log once in a throwaway Y.Doc and keeps only its encoded state. Throws when an update cannot be
 * applied or depends on updates that are not stored.
 */
function readStored(docId: string, stored: Uint8Array[]): HubDocument {
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      for (const [i, update] of stored.entries()) {
        try {
          Y.applyUpdate(doc, update, 'store');
        } catch (error) {
          throw new Error(
            `Cannot load ${docId}: stored update ${i + 1} of ${stored.length} is not a valid Yjs update`,
            {
              cause: error,
            },
          );
        }
      }
    }, 'store');
    // Missing dependencies mean the log is incomplete; serving it would hide content.
    if (doc.store.pendingStructs || doc.store.pendingDs) {
      throw new Error(`Cannot load ${docId}: stored updates depend on updates that are not stored`);
    }
    // A compacted (or freshly created) log is one encoded state already: joiners get those bytes, not a re-encoding.
    const state = stored.length === 1 ? (stored[0] as Uint8Array) : Y.encodeStateAsUpdate(doc);
    return new HubDocument(docId, state, Y.encodeStateVector(doc), MetaItems.of(doc));
  } finally {
    doc.destroy();
  }
}

function mergeAll(updates: Uint8Array[]): Uint8Array {
  return updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
}

function isSession(hubDoc: HubDocument, origin: unknown): origin is CollabSession {
  return hubDoc.sessions.has(origin as CollabSession);
}
