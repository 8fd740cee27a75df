import { BODY_FIELD, FIELDS_MAP, META_MAP } from '@clausewright/schema';
import * as Y from 'yjs';
import type { DocumentHub } from '../collab/DocumentHub.ts';
import { HttpError } from '../HttpError.ts';
import { type Block, clauseEnd, fieldKeys, findClause, idOf, syncBlocks } from './syncBlocks.ts';

/** Author recorded with a restore's update. */
export const RESTORE_ORIGIN = 'restore';

/**
 * Restores a whole version as a new change on top of the draft: the body, the `fields` map and the `meta` map made
 * equal to the version's. Blocks already equal to the version's are kept, so edits in them made meanwhile survive.
 */
export function restoreVersion(hub: DocumentHub, docId: string, versionState: Uint8Array): Promise<void> {
  return change(hub, docId, versionState, (draft, version) => {
    const fragment = draft.getXmlFragment(BODY_FIELD);
    syncBlocks(fragment, 0, fragment.length, version.getXmlFragment(BODY_FIELD).toArray() as Block[]);
    syncMap(draft.getMap(FIELDS_MAP), version.getMap(FIELDS_MAP));
    syncMap(draft.getMap(META_MAP), version.getMap(META_MAP));
  });
}

/**
 * Restores one clause of a version with its children (text, attributes, following clause paragraphs and deeper
 * clauses): in place when the draft still has it, else re-inserted after the block that preceded it in the version
 * (or at its old index); a child moved elsewhere meanwhile is moved back. Fields its text uses that the draft lost come back. 404 when the version lacks the clause.
 */
export function restoreClause(
  hub: DocumentHub,
  docId: string,
  versionState: Uint8Array,
  clauseId: string,
  versionNumber: number,
): Promise<void> {
  return change(hub, docId, versionState, (draft, version) => {
    const old = version.getXmlFragment(BODY_FIELD).toArray() as Block[];
    const start = findClause(old, clauseId);
    if (start < 0) throw new HttpError(404, `version ${versionNumber} has no clause "${clauseId}"`);
    const restored = old.slice(start, clauseEnd(old, start));
    const fragment = draft.getXmlFragment(BODY_FIELD);
    const blocks = fragment.toArray() as Block[];
    const here = findClause(blocks, clauseId);
    let from: number;
    let to: number;
    if (here >= 0) {
      from = here;
      to = clauseEnd(blocks, here);
    } else {
      const before = idOf(old[start - 1]);
      const after = before === undefined ? -1 : blocks.findIndex((b) => idOf(b) === before);
      from = to = after >= 0 ? after + 1 : Math.min(start, blocks.length);
    }
    // A child that was moved elsewhere since comes back under its clause instead of being duplicated.
    const ids = new Set(restored.map(idOf));
    for (let i = blocks.length - 1; i >= 0; i--) {
      if ((i >= from && i < to) || !ids.has(idOf(blocks[i]))) continue;
      fragment.delete(i, 1);
      if (i < from) {
        from--;
        to--;
      }
    }
    syncBlocks(fragment, from, to, restored);
    const fields = draft.getMap(FIELDS_MAP);
    const oldFields = version.getMap(FIELDS_MAP);
    for (const key of fieldKeys(restored)) {
      if (!fields.has(key) && oldFields.has(key)) fields.set(key, structuredClone(oldFields.get(key)));
    }
  });
}

/**
 * Runs `edit` in one transaction on a throwaway copy of the live draft and hands the update it made to the hub
 * (stored, then broadcast to every session). Copy, edit and hand-over happen in one turn, so the update is built
 * on exactly the state the hub holds. Resolves once it is stored.
 */
async function change(
  hub: DocumentHub,
  docId: string,
  versionState: Uint8Array,
  edit: (draft: Y.Doc, version: Y.Doc) => void,
): Promise<void> {
  const hubDoc = hub.loaded(docId) ?? (await hub.open(docId));
  const state = hub.readState(hubDoc);
  if (!state) throw new Error(`document "${docId}" cannot be read`);
  const draft = new Y.Doc();
  const version = new Y.Doc();
  try {
    Y.applyUpdate(draft, state);
    Y.applyUpdate(version, versionState);
    const before = Y.encodeStateVector(draft);
    draft.transact(() => edit(draft, version));
    hub.applyServerUpdate(hubDoc, Y.encodeStateAsUpdate(draft, before), RESTORE_ORIGIN);
  } finally {
    draft.destroy();
    version.destroy();
  }
  await hub.whenStored(hubDoc);
}

/** Makes a map of plain JSON values equal to `source`, writing only the keys whose value differs. */
function syncMap(target: Y.Map<unknown>, source: Y.Map<unknown>): void {
  for (const key of [...target.keys()]) if (!source.has(key)) target.delete(key);
  for (const [key, value] of source.entries()) {
    if (!target.has(key) || JSON.stringify(target.get(key)) !== JSON.stringify(value)) {
      target.set(key, structuredClone(value));
    }
  }
}
