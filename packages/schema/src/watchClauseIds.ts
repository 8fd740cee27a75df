import { ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import { DEDUPE_ORIGIN, dedupeClauseIds } from './dedupeClauseIds.ts';

/**
 * Runs {@link dedupeClauseIds} once now and after every Yjs transaction that added blocks to `fragment` or changed
 * a clause id, unless the editor itself made it (the ClauseIds plugin already keeps local ids unique, and writing
 * inside the binding's own transaction would not reach the editor). Returns the function that stops watching.
 */
export function watchClauseIds(fragment: Y.XmlFragment): () => void {
  const doc = fragment.doc;
  if (!doc) throw new Error('watchClauseIds: the fragment is not part of a Y.Doc');
  const onTransaction = (tr: Y.Transaction) => {
    if (tr.origin === ySyncPluginKey || tr.origin === DEDUPE_ORIGIN) return;
    if (touchesIds(tr, fragment)) dedupeClauseIds(fragment);
  };
  doc.on('afterTransaction', onTransaction);
  dedupeClauseIds(fragment);
  return () => doc.off('afterTransaction', onTransaction);
}

function touchesIds(tr: Y.Transaction, fragment: Y.XmlFragment): boolean {
  for (const [type, keys] of tr.changed) {
    // The fragment itself changes when blocks are inserted or deleted; a clause when one of its attributes does.
    if ((type as unknown) === fragment) return true;
    if (type instanceof Y.XmlElement && type.parent === fragment && keys.has('id')) return true;
  }
  return false;
}
