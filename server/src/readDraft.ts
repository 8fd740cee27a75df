import type { Template } from '@clausewright/model';
import { yDocToTemplate } from '@clausewright/schema';
import * as Y from 'yjs';
import type { DocumentHub } from './collab/DocumentHub.ts';
import { HttpError } from './HttpError.ts';

/**
 * The current draft of a template: the live document when the hub has it loaded (edits not yet stored included),
 * else the stored log. 404 when nothing is stored, 422 when the document holds no complete template.
 */
export function readDraft(hub: DocumentHub, docId: string): Promise<Template> {
  return readDraftWith(hub, docId, (doc) => templateOfDoc(docId, doc));
}

/**
 * Runs `read` on the current draft, within one turn: a Y.Doc holding it and `encodeState`, the same draft as one
 * update. The Y.Doc is the hub's kept copy when the document is loaded (see `DocumentHub.readDoc`), so `read` must not
 * modify it or keep it; else a throwaway built from the stored log. 404 when nothing is stored.
 */
export async function readDraftWith<T>(
  hub: DocumentHub,
  docId: string,
  read: (doc: Y.Doc, encodeState: () => Uint8Array) => T,
): Promise<T> {
  const loaded = hub.loaded(docId);
  if (loaded) return hub.readDoc(loaded, read);
  const updates = await hub.store.load(docId);
  // Loaded meanwhile: the live document may already hold edits the log has not stored yet.
  const live = hub.loaded(docId);
  if (live) return hub.readDoc(live, read);
  if (updates.length === 0) throw new HttpError(404, `no template "${docId}"`);
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return read(doc, () => (updates.length === 1 ? (updates[0] as Uint8Array) : Y.encodeStateAsUpdate(doc)));
  } finally {
    doc.destroy();
  }
}

/**
 * The current draft in a throwaway Y.Doc (the caller destroys it): the live document's state and pending updates when
 * loaded (applied without merging them), else the stored log. `state` is the draft as one encoded update when that is
 * at hand without work (nothing pending, or a one-row log), else null: encode the doc. 404 when nothing is stored.
 */
export async function readDraftDoc(hub: DocumentHub, docId: string): Promise<{ doc: Y.Doc; state: Uint8Array | null }> {
  const live = hub.loaded(docId);
  if (live) return live.toYDocUnmerged();
  const updates = await hub.store.load(docId);
  if (updates.length === 0) throw new HttpError(404, `no template "${docId}"`);
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  return { doc, state: updates.length === 1 ? (updates[0] as Uint8Array) : null };
}

/** The template an encoded document holds; 422 when it holds no complete template. */
export function templateOfState(docId: string, state: Uint8Array): Template {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, state);
    return templateOfDoc(docId, copy);
  } finally {
    copy.destroy();
  }
}

/** The template a Y.Doc holds; 422 when it holds no complete template. */
export function templateOfDoc(docId: string, doc: Y.Doc): Template {
  try {
    return yDocToTemplate(doc);
  } catch (error) {
    throw new HttpError(422, `document "${docId}" holds no complete template: ${(error as Error).message}`);
  }
}
