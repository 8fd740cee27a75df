import { META_MAP } from '@clausewright/schema';
import * as Y from 'yjs';
import type { RejectReason } from '../metrics/CollabMetrics.ts';
import { checkUpdateShape, newShadowDoc } from './checkUpdateShape.ts';
import type { HubDocument } from './HubDocument.ts';
import { precheckUpdate } from './precheckUpdate.ts';

/** What `UpdateGuard.check` decided about a client's update. */
export type GuardVerdict =
  /** `changed`: false when the document already held all of it. */
  | { ok: true; changed: boolean }
  /**
   * Refused for its content: close the connection with 1007. `costly`: it had to be applied to the copy to be found
   * out, so the copy is rebuilt (O(document)) before the next check.
   */
  | { ok: false; kind: 'reject'; reason: RejectReason; detail: string; costly: boolean }
  /** Refused because the document would pass `maxDocumentBytes`. */
  | { ok: false; kind: 'document_size'; detail: string }
  /** Let the hub decide (it refuses updates with missing dependencies and says why). */
  | { ok: false; kind: 'forward' };

interface Guarded {
  sessions: number;
  /** A copy of the document as a Y.Doc, built on the first update and kept while someone is connected. */
  shadow: Y.Doc | null;
  /** The document's encoded size when last measured, and the bytes of the updates accepted since. */
  measured: number;
  added: number;
  /** The last update applied to the copy: if the hub refuses it after all, the copy is rebuilt. */
  applied: Uint8Array | null;
  /** When the copy was last used, ms (performance.now()). */
  usedAt: number;
}

/** Tuning for `UpdateGuard`. */
export interface UpdateGuardOptions {
  /**
   * A copy unused this long is dropped (a Y.Doc weighs ~20× the encoded document: 8.5 MB for 1,000 clauses) and
   * rebuilt by the next update. 0 keeps copies while their document has connections.
   * @default 60000
   */
  idleMs?: number;
}

/**
 * Checks client updates before they reach the hub, per loaded document: the document-size limit and the template
 * shape. The hub holds documents as encoded bytes, which cannot say which block an update touches, so the guard
 * keeps a Y.Doc copy of each document being edited (built from the hub's state on the first update, dropped when
 * its last connection closes) and checks each update against it: a keystroke costs one small `applyUpdate` and a
 * check of the one block it changed.
 */
export class UpdateGuard {
  readonly maxDocumentBytes: number;
  readonly idleMs: number;
  readonly #docs = new Map<HubDocument, Guarded>();
  /** Broadcast updates already applied: the hub sends one array to many sessions. */
  readonly #observed = new WeakSet<Uint8Array>();
  #builds = 0;
  #sweeper: NodeJS.Timeout | null = null;

  /** `maxDocumentBytes`: 0 for no size limit. */
  constructor(maxDocumentBytes: number, options: UpdateGuardOptions = {}) {
    this.maxDocumentBytes = maxDocumentBytes;
    this.idleMs = options.idleMs ?? 60_000;
  }

  /** A connection to `hubDoc` opened. */
  retain(hubDoc: HubDocument): void {
    const guarded = this.#docs.get(hubDoc);
    if (guarded) guarded.sessions++;
    else this.#docs.set(hubDoc, { sessions: 1, shadow: null, measured: -1, added: 0, applied: null, usedAt: 0 });
  }

  /** A connection to `hubDoc` closed; the copy goes with the last one. */
  release(hubDoc: HubDocument): void {
    const guarded = this.#docs.get(hubDoc);
    if (!guarded) return;
    if (--guarded.sessions > 0) return;
    guarded.shadow?.destroy();
    this.#docs.delete(hubDoc);
    if (this.#docs.size === 0) this.close();
  }

  /** Drops every idle copy now (the sweep runs by itself every `idleMs / 2`). */
  sweep(now = performance.now()): void {
    for (const guarded of this.#docs.values()) {
      if (guarded.shadow && now - guarded.usedAt >= this.idleMs) this.#drop(guarded);
    }
  }

  /** Stops the sweep timer (it starts again with the next copy). */
  close(): void {
    if (this.#sweeper) clearInterval(this.#sweeper);
    this.#sweeper = null;
  }

  /** Documents with a Y.Doc copy right now. */
  get shadowCount(): number {
    let n = 0;
    for (const guarded of this.#docs.values()) if (guarded.shadow) n++;
    return n;
  }

  /** How many document copies were built so far (one per edited document, plus one after each refusal or restore). */
  get shadowBuilds(): number {
    return this.#builds;
  }

  /** Decides on an update a client sent to `hubDoc`, before the hub sees it. */
  check(hubDoc: HubDocument, update: Uint8Array): GuardVerdict {
    const guarded = this.#docs.get(hubDoc);
    if (!guarded || hubDoc.unloaded) return { ok: false, kind: 'forward' };
    // Garbage, known and dangling updates are found out without touching the copy.
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(update);
    } catch (error) {
      const detail = String((error as Error)?.message ?? error).slice(0, 80);
      return { ok: false, kind: 'reject', reason: 'invalid_update', detail, costly: false };
    }
    const admission = hubDoc.admit(decoded);
    if (admission.kind === 'known') return { ok: true, changed: false };
    // The hub refuses it and tells the client why.
    if (admission.kind === 'missing') return { ok: false, kind: 'forward' };
    if (this.maxDocumentBytes > 0) {
      if (guarded.measured < 0 || guarded.measured + guarded.added + update.length > this.maxDocumentBytes) {
        // The estimate only grows (deletions are not subtracted), so it is re-measured when it reaches the limit.
        guarded.measured = hubDoc.encodeFullState().length;
        guarded.added = 0;
      }
      if (guarded.measured + update.length > this.maxDocumentBytes) {
        return {
          ok: false,
          kind: 'document_size',
          detail: `document size limit (${this.maxDocumentBytes} bytes) reached`,
        };
      }
    }
    const shadow = this.#shadowOf(hubDoc, guarded);
    if (shadow.getMap(META_MAP).size > 0) {
      const problem = precheckUpdate(decoded);
      if (problem) return { ok: false, kind: 'reject', reason: 'schema', detail: problem, costly: false };
    }
    guarded.applied = update;
    const shape = checkUpdateShape(shadow, update);
    if (shape.ok) return shape;
    this.#drop(guarded);
    if (shape.reason === 'missing_dependencies') return { ok: false, kind: 'forward' };
    return { ok: false, kind: 'reject', reason: shape.reason, detail: shape.detail, costly: true };
  }

  /**
   * An update the hub sends to a session of `hubDoc` (every stored change, whoever made it: other sessions, a
   * restore, another server instance): applied to the copy, so changes made around the guard do not cost a rebuild.
   */
  observe(hubDoc: HubDocument, update: Uint8Array): void {
    const guarded = this.#docs.get(hubDoc);
    const shadow = guarded?.shadow;
    if (!guarded || !shadow || this.#observed.has(update)) return;
    this.#observed.add(update);
    try {
      Y.applyUpdate(shadow, update);
    } catch {
      this.#drop(guarded);
      return;
    }
    // A copy with a gap would wave the next update through as "missing"; it is rebuilt instead.
    if (shadow.store.pendingStructs || shadow.store.pendingDs) this.#drop(guarded);
  }

  /** The hub took the update (true) or refused it (false: the copy may now hold what the hub does not). */
  settled(hubDoc: HubDocument, update: Uint8Array, accepted: boolean): void {
    const guarded = this.#docs.get(hubDoc);
    if (!guarded) return;
    if (accepted) guarded.added += update.length;
    else if (guarded.applied === update) this.#drop(guarded);
    guarded.applied = null;
  }

  #shadowOf(hubDoc: HubDocument, guarded: Guarded): Y.Doc {
    // Updates the server made itself (restores) reach the hub without passing here: a differing state vector
    // means the copy is stale.
    if (guarded.shadow && !sameBytes(Y.encodeStateVector(guarded.shadow), hubDoc.encodeStateVector())) {
      this.#drop(guarded);
    }
    guarded.usedAt = performance.now();
    if (!guarded.shadow) {
      const state = hubDoc.encodeFullState();
      guarded.shadow = newShadowDoc(state);
      this.#builds++;
      if (this.idleMs > 0 && !this.#sweeper) {
        this.#sweeper = setInterval(() => this.sweep(), Math.max(10, this.idleMs / 2));
        this.#sweeper.unref();
      }
      guarded.measured = state.length;
      guarded.added = 0;
    }
    return guarded.shadow;
  }

  #drop(guarded: Guarded): void {
    guarded.applied = null;
    guarded.shadow?.destroy();
    guarded.shadow = null;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
