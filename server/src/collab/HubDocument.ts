import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { CollabSession } from './CollabSession.ts';
import type { MetaItems } from './MetaItems.ts';
import type { UpdateCoalescer } from './UpdateCoalescer.ts';

/** @internal The updates of one event-loop turn, on their way to the store. */
export interface Batch {
  items: { update: Uint8Array; origin: unknown }[];
  appends: Promise<void>[];
}

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** What `HubDocument.admit` found in an update. */
export type Admission =
  /** Nothing the document lacks: drop it. */
  | { kind: 'known' }
  /** It needs content the document does not have (a gap in a client's clocks, or a reference past them). */
  | { kind: 'missing' }
  /** It adds to the document; `clocks` are the clients' clocks once it is pushed. */
  | { kind: 'new'; clocks: Map<number, number> };

/**
 * Pending updates are merged into one once there are this many (`Y.mergeUpdates` grows faster than linearly with
 * the number of updates, so they never pile up)…
 */
const MERGE_PENDING_AFTER = 256;
/** …and into the state once they weigh this share of it (merging with the state costs its whole size). */
const FOLD_AFTER_SHARE = 0.5;
const FOLD_MIN_BYTES = 64 * 1024;
/** A merged state keeps deleted content; past this growth it is re-encoded through a Y.Doc, which drops it. */
const REENCODE_GROWTH = 2;
const REENCODE_MIN_BYTES = 64 * 1024;
/** Updates a kept Y.Doc has not seen yet are applied to it once there are this many (else at its next read). */
const MIRROR_CATCH_UP_AFTER = 256;
const MIRROR_CATCH_UP_BYTES = 64 * 1024;

/** A Y.Doc of the whole document kept between whole-document reads, and the updates it has not applied yet. */
interface Mirror {
  doc: Y.Doc;
  backlog: Uint8Array[];
  backlogBytes: number;
}

/**
 * A loaded document, held as encoded updates rather than a Y.Doc (a Y.Doc costs ~18× its encoded size in heap):
 * `state`, one merged update, plus the updates applied since it was last merged. Whatever needs the document as a
 * whole builds a throwaway Y.Doc from `encodeFullState()`, or reads the kept one (`mirror`), which the hub holds
 * only for a while after such a read.
 */
export class HubDocument {
  readonly docId: string;
  readonly awareness: Awareness;
  /** Sessions and the awareness client ids each one controls. */
  readonly sessions = new Map<CollabSession, Set<number>>();
  /** @internal Ids of the meta map's items, to notice title/locale/numbering changes. */
  readonly metaItems: MetaItems;
  /** True once unloaded: it can no longer take sessions. */
  unloaded = false;
  /** @internal Updates of the current event-loop turn, not yet handed to the store. */
  batch: Batch | null = null;
  /**
   * @internal Settles when every update applied so far is stored and handed to `outbox` (sent, or waiting at most
   * its window to be merged with the next ones).
   */
  settled: Promise<void> = Promise.resolve();
  /** @internal Sends stored updates to the sessions (set by the hub once loaded). */
  outbox: UpdateCoalescer | null = null;
  /** @internal */
  unloadTimer: NodeJS.Timeout | null = null;
  /** @internal Folds pending updates once editing pauses. */
  foldTimer: NodeJS.Timeout | null = null;
  /** @internal Writes the list summary a moment after the meta map changed. */
  summaryTimer: NodeJS.Timeout | null = null;
  /** @internal The meta map changed since the stored summary was last written. */
  summaryChanged = false;
  /** @internal Drops the kept Y.Doc once whole-document reads pause (set by the hub). */
  mirrorTimer: NodeJS.Timeout | null = null;

  #state: Uint8Array;
  #pending: Uint8Array[] = [];
  #pendingBytes = 0;
  /** Next clock of every client: the state vector, kept exact by `admit`, so it never needs a merge. */
  readonly #clocks: Map<number, number>;
  #stateVector: Uint8Array | null = null;
  /** Size of the state when it was last encoded by a Y.Doc. */
  #encodedSize: number;
  #revision = 0;
  #mirror: Mirror | null = null;

  /** `state` is the whole document as one update (with no missing dependencies), `stateVector` its state vector. */
  constructor(docId: string, state: Uint8Array, stateVector: Uint8Array, metaItems: MetaItems) {
    this.docId = docId;
    this.#state = state;
    this.#encodedSize = state.length;
    this.#clocks = Y.decodeStateVector(stateVector);
    this.metaItems = metaItems;
    // Awareness wants a doc only for its client id; an empty one costs next to nothing.
    this.awareness = new Awareness(new Y.Doc());
    // The server is not an editor: it has no presence of its own.
    this.awareness.setLocalState(null);
  }

  /** Number of updates applied since the state was last merged. */
  get pendingUpdates(): number {
    return this.#pending.length;
  }

  /** Counts the updates applied since the document was loaded: equal revisions hold the same content. */
  get revision(): number {
    return this.#revision;
  }

  /** Size of the state as last merged (pending updates not counted). */
  get stateBytes(): number {
    return this.#state.length;
  }

  /** True while a Y.Doc of the whole document is kept (see `mirror`). */
  get hasMirror(): boolean {
    return this.#mirror !== null;
  }

  /**
   * Checks a decoded update against what the document holds. A live Y.Doc would keep an update with missing
   * dependencies aside; stored as is, it would make every later load fail, so it is refused instead.
   */
  admit(update: DecodedUpdate): Admission {
    const next = new Map<number, number>();
    const clockOf = (client: number) => next.get(client) ?? this.#clocks.get(client) ?? 0;
    const byClient = new Map<number, (Y.Item | Y.GC | Y.Skip)[]>();
    for (const struct of update.structs as (Y.Item | Y.GC | Y.Skip)[]) {
      const list = byClient.get(struct.id.client);
      if (list) list.push(struct);
      else byClient.set(struct.id.client, [struct]);
    }
    for (const [client, structs] of byClient) {
      structs.sort((a, b) => a.id.clock - b.id.clock);
      const known = clockOf(client);
      let end = known;
      for (const struct of structs) {
        if (struct instanceof Y.Skip) continue;
        if (struct.id.clock > end) return { kind: 'missing' };
        end = Math.max(end, struct.id.clock + struct.length);
      }
      if (end > known) next.set(client, end);
    }
    const has = (id: Y.ID) => id.clock < clockOf(id.client);
    for (const struct of update.structs) {
      if (!(struct instanceof Y.Item)) continue;
      const parent = struct.parent as unknown;
      if (struct.origin && !has(struct.origin)) return { kind: 'missing' };
      if (struct.rightOrigin && !has(struct.rightOrigin)) return { kind: 'missing' };
      if (parent instanceof Y.ID && !has(parent)) return { kind: 'missing' };
    }
    for (const [client, deletes] of update.ds.clients) {
      for (const { clock, len } of deletes) if (clock + len > clockOf(client)) return { kind: 'missing' };
    }
    if (next.size === 0 && update.ds.clients.size === 0) return { kind: 'known' };
    return { kind: 'new', clocks: next };
  }

  /** @internal Adds an admitted update to the document; true when the pending updates should be folded now. */
  push(update: Uint8Array, clocks: Map<number, number>): boolean {
    for (const [client, clock] of clocks) this.#clocks.set(client, clock);
    if (clocks.size) this.#stateVector = null;
    this.#revision++;
    this.#pending.push(update);
    this.#pendingBytes += update.length;
    const mirror = this.#mirror;
    if (mirror) {
      // Kept aside until the next read; applied now only when they pile up, so typing costs the mirror nothing.
      mirror.backlog.push(update);
      mirror.backlogBytes += update.length;
      if (mirror.backlog.length >= MIRROR_CATCH_UP_AFTER || mirror.backlogBytes >= MIRROR_CATCH_UP_BYTES) {
        this.#catchUp(mirror);
      }
    }
    if (this.#pending.length >= MERGE_PENDING_AFTER) {
      try {
        const merged = Y.mergeUpdates(this.#pending);
        this.#pending = [merged];
        this.#pendingBytes = merged.length;
      } catch {
        // Left as they are: the next fold fails on them too, and the hub reports it and drops the document.
        return true;
      }
    }
    return this.#pendingBytes >= Math.max(FOLD_MIN_BYTES, this.#state.length * FOLD_AFTER_SHARE);
  }

  /**
   * The whole document as one update, merged once per change: many fresh clients joining at once share the same
   * bytes. Callers must not modify it.
   */
  encodeFullState(): Uint8Array {
    if (this.#pending.length === 0) return this.#state;
    const pending = this.#pending.length === 1 ? (this.#pending[0] as Uint8Array) : Y.mergeUpdates(this.#pending);
    let state = Y.mergeUpdates([this.#state, pending]);
    if (state.length > REENCODE_MIN_BYTES && state.length > this.#encodedSize * REENCODE_GROWTH) {
      state = reencode(state);
      this.#encodedSize = state.length;
    }
    this.#state = state;
    this.#pending = [];
    this.#pendingBytes = 0;
    return state;
  }

  /** The document's state vector (what the server has), encoded once per change. */
  encodeStateVector(): Uint8Array {
    if (!this.#stateVector) {
      // Yjs' own layout (clients in descending order), as `Y.encodeStateVector` writes it.
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, this.#clocks.size);
      for (const [client, clock] of [...this.#clocks].sort((a, b) => b[0] - a[0])) {
        encoding.writeVarUint(encoder, client);
        encoding.writeVarUint(encoder, clock);
      }
      this.#stateVector = encoding.toUint8Array(encoder);
    }
    return this.#stateVector;
  }

  /** What a client with state vector `stateVector` lacks; throws when the state vector is malformed. */
  encodeDiff(stateVector: Uint8Array): Uint8Array {
    return Y.diffUpdate(this.encodeFullState(), stateVector);
  }

  /** A throwaway Y.Doc holding the whole document; the caller destroys it. */
  toYDoc(): Y.Doc {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, this.encodeFullState());
    return doc;
  }

  /**
   * A throwaway Y.Doc holding the whole document, built from the state and the pending updates without merging them
   * (a merge re-encodes the whole state); with the encoded state when nothing is pending, else null (encode the doc).
   * The caller destroys the doc.
   */
  toYDocUnmerged(): { doc: Y.Doc; state: Uint8Array | null } {
    const doc = new Y.Doc();
    doc.transact(() => {
      Y.applyUpdate(doc, this.#state);
      for (const update of this.#pending) Y.applyUpdate(doc, update);
    });
    return { doc, state: this.#pending.length === 0 ? this.#state : null };
  }

  /**
   * @internal A Y.Doc holding the whole document as it is now, kept across calls (built from the state and the
   * pending updates on the first call; later calls only apply what was pushed since). Read it in the same turn and
   * never modify or destroy it: it is shared. The hub decides how long it is kept (`dropMirror`).
   */
  mirror(): Y.Doc {
    const kept = this.#mirror;
    if (kept) {
      this.#catchUp(kept);
      const { store } = kept.doc;
      if (this.#mirror === kept && !store.pendingStructs && !store.pendingDs) return kept.doc;
      // Cannot happen for admitted updates; if it did, the kept copy would hide content, so read a fresh one.
      this.dropMirror();
    }
    const { doc } = this.toYDocUnmerged();
    this.#mirror = { doc, backlog: [], backlogBytes: 0 };
    return doc;
  }

  /**
   * @internal The whole document as one update for a reader of `mirror()`: the merged state itself when nothing is
   * pending, else encoded from the mirror (a merge with the state would cost several times more).
   */
  encodeMirrorState(): Uint8Array {
    return this.#pending.length === 0 ? this.#state : Y.encodeStateAsUpdate(this.mirror());
  }

  /** @internal Releases the kept Y.Doc, if any. */
  dropMirror(): void {
    this.#mirror?.doc.destroy();
    this.#mirror = null;
  }

  #catchUp(mirror: Mirror): void {
    if (mirror.backlog.length === 0) return;
    const { doc, backlog } = mirror;
    mirror.backlog = [];
    mirror.backlogBytes = 0;
    try {
      doc.transact(() => {
        for (const update of backlog) Y.applyUpdate(doc, update);
      });
    } catch {
      // The next read builds a fresh copy (and meets the same error, which it reports).
      if (this.#mirror === mirror) this.dropMirror();
    }
  }

  /** Current awareness states of every client, encoded for a joining session; null when there are none. */
  encodeAwarenessStates(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    return clients.length ? encodeAwarenessUpdate(this.awareness, clients) : null;
  }

  /** @internal Releases the awareness; the encoded state stays readable. */
  destroy(): void {
    this.outbox?.close();
    this.dropMirror();
    this.awareness.destroy();
    this.awareness.doc.destroy();
  }
}

function reencode(state: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
