import type { Template } from '@clausewright/model';
import { yDocToTemplate } from '@clausewright/schema';
import * as Y from 'yjs';
import type { DocumentHub } from './collab/DocumentHub.ts';
import { HttpError } from './HttpError.ts';

/**
 * The current draft of a template: the live document's encoded state when the hub has it loaded (edits not yet
 * stored included), else the stored log, read into a throwaway Y.Doc. 404 when nothing is stored, 422 when the
 * document holds no complete template.
 */
export async function readDraft(hub: DocumentHub, docId: string): Promise<Template> {
  const copy = new Y.Doc();
  try {
    const live = hub.loaded(docId);
    const state = live ? hub.readState(live) : null;
    if (state) {
      Y.applyUpdate(copy, state);
    } else {
      const updates = await hub.store.load(docId);
      if (updates.length === 0) throw new HttpError(404, `no template "${docId}"`);
      copy.transact(() => {
        for (const update of updates) Y.applyUpdate(copy, update);
      });
    }
    return templateOfDoc(docId, copy);
  } finally {
    copy.destroy();
  }
}

/**
 * The current draft as one encoded Yjs update: the live document's state when loaded, else the stored log (its one
 * compacted row as it is, or several rows merged through a Y.Doc). 404 when nothing is stored.
 */
export async function readDraftState(hub: DocumentHub, docId: string): Promise<Uint8Array> {
  const live = hub.loaded(docId);
  const state = live ? hub.readState(live) : null;
  if (state) return state;
  const updates = await hub.store.load(docId);
  if (updates.length === 0) throw new HttpError(404, `no template "${docId}"`);
  if (updates.length === 1) return updates[0] as Uint8Array;
  const copy = new Y.Doc();
  try {
    copy.transact(() => {
      for (const update of updates) Y.applyUpdate(copy, update);
    });
    return Y.encodeStateAsUpdate(copy);
  } finally {
    copy.destroy();
  }
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
