import { Extension } from '@tiptap/core';
import type { Node } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { changedBlocks } from './changedBlocks.ts';
import { isRemoteTransaction } from './isRemoteTransaction.ts';
import { newClauseId } from './newClauseId.ts';

/** The key of the {@link ClauseIds} plugin. */
export const clauseIdsKey = new PluginKey('clauseIds');

/**
 * Keeps clause ids unique and present for this editor's own changes: after a local transaction, a clause with no
 * id, or with an id another clause already had, gets a fresh {@link newClauseId}. The clause that had the id keeps
 * it, so pasting a copy renames the copy while cut + paste (a move) keeps the id and the references to it.
 * Only the blocks the transaction touched are inspected on the common path (typing, Enter, Backspace).
 *
 * Remote changes are left alone here: every client would pick a different new id. {@link YCollaboration} renames
 * those duplicates on the Yjs side instead, deterministically ({@link dedupeClauseIds}).
 */
export const ClauseIds = Extension.create({
  name: 'clauseIds',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: clauseIdsKey,
        appendTransaction: (transactions, oldState, newState) => {
          if (!transactions.some((tr) => tr.docChanged && !isRemoteTransaction(tr))) return null;
          return fixClauseIds(
            oldState.doc,
            newState.doc,
            transactions.flatMap((tr) => tr.steps),
            newState.tr,
          );
        },
      }),
    ];
  },
});

function fixClauseIds(oldDoc: Node, newDoc: Node, steps: Transaction['steps'], tr: Transaction): Transaction | null {
  const change = changedBlocks(oldDoc, newDoc, steps);
  if (!change) return null;
  // Ids the touched blocks held before: a clause in the window holding one of them is the clause that had it.
  const before = new Map<string, number>();
  for (let i = change.start; i < change.oldEnd; i++) {
    const id = clauseId(oldDoc.child(i));
    if (id) before.set(id, (before.get(id) ?? 0) + 1);
  }
  const suspects: { pos: number; node: Node; id: string | null }[] = [];
  let pos = change.from;
  for (let i = change.start; i < change.newEnd; i++) {
    const node = newDoc.child(i);
    if (node.type.name === 'clause') {
      const id = clauseId(node);
      const left = id ? (before.get(id) ?? 0) : 0;
      if (id && left > 0) before.set(id, left - 1);
      else suspects.push({ pos, node, id });
    }
    pos += node.nodeSize;
  }
  if (suspects.length === 0) return null;

  // Rare path (paste, a clause created without an id): compare against every other clause.
  const taken = new Set<string>();
  const suspectAt = new Set(suspects.map((s) => s.pos));
  newDoc.forEach((node, offset) => {
    const id = clauseId(node);
    if (id && !suspectAt.has(offset)) taken.add(id);
  });
  let changed = false;
  for (const { pos: at, node, id } of suspects) {
    if (id && !taken.has(id)) {
      taken.add(id);
      continue;
    }
    let fresh = newClauseId();
    while (taken.has(fresh)) fresh = newClauseId();
    taken.add(fresh);
    tr.setNodeMarkup(at, undefined, { ...node.attrs, id: fresh });
    changed = true;
  }
  return changed ? tr : null;
}

function clauseId(node: Node): string | null {
  if (node.type.name !== 'clause') return null;
  const id = node.attrs.id;
  return typeof id === 'string' && id !== '' ? id : null;
}
