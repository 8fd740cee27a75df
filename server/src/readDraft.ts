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
    try {
      return yDocToTemplate(copy);
    } catch (error) {
      throw new HttpError(422, `document "${docId}" holds no complete template: ${(error as Error).message}`);
    }
  } finally {
    copy.destroy();
  }
}
