import type { Node } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { clampLevel, MAX_CLAUSE_LEVEL } from './Clause.ts';

/**
 * Demotes (`delta` 1) or promotes (-1) every top-level clause whose blocks the range `from`–`to` touches (a
 * clause paragraph counts for its clause), and gives the clause paragraphs after each clause its new level. A clause
 * goes at most one level deeper than the clause before it, so the derived numbering never skips a level.
 *
 * @returns false when the range touches no clause; true otherwise, even if every clause was already at its limit.
 */
export function shiftClauseLevels(tr: Transaction, from: number, to: number, delta: 1 | -1): boolean {
  const doc = tr.doc;
  const first = doc.resolve(from).index(0);
  const last = Math.max(first, doc.resolve(to).index(0) - (isBoundary(doc, to) && to > from ? 1 : 0));
  const targets: number[] = [];
  for (let i = first; i <= last && i < doc.childCount; i++) {
    const owner = ownerClause(doc, i);
    if (owner !== null && targets[targets.length - 1] !== owner) targets.push(owner);
  }
  if (targets.length === 0) return false;

  // The selected clauses move as one: if the first may not go deeper, none does (they would skip a level).
  const head = targets[0] ?? 0;
  if (delta > 0 && clampLevel(doc.child(head).attrs.level) > previousLevel(doc, head)) return true;
  let pos = offsetOf(doc, head);
  let index = head;
  for (const targetIndex of targets) {
    for (; index < targetIndex; index++) pos += doc.child(index).nodeSize;
    const node = doc.child(index);
    const level = clampLevel(node.attrs.level);
    const target = Math.max(1, Math.min(MAX_CLAUSE_LEVEL, level + delta));
    if (target === level) continue;
    shiftOne(tr, doc, index, pos, target);
  }
  return true;
}

/** Sets clause `index` (at `pos`) and the clause paragraphs after it to `level`; attribute changes move nothing. */
function shiftOne(tr: Transaction, doc: Node, index: number, start: number, level: number): void {
  const node = doc.child(index);
  tr.setNodeMarkup(start, undefined, { ...node.attrs, level });
  let pos = start + node.nodeSize;
  for (let i = index + 1; i < doc.childCount; i++) {
    const paragraph = doc.child(i);
    if (paragraph.type.name !== 'clauseParagraph') break;
    if (paragraph.attrs.level !== level) tr.setNodeMarkup(pos, undefined, { ...paragraph.attrs, level });
    pos += paragraph.nodeSize;
  }
}

/** The level of the nearest clause before block `index` in the same run of clauses, or 0 when it opens a run. */
export function previousLevel(doc: Node, index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    const node = doc.child(i);
    if (node.type.name === 'clause') return clampLevel(node.attrs.level);
    if (node.type.name !== 'clauseParagraph') return 0;
  }
  return 0;
}

/** The clause block `index` belongs to: itself, or the clause a clause paragraph continues. */
function ownerClause(doc: Node, index: number): number | null {
  for (let i = index; i >= 0; i--) {
    const name = doc.child(i).type.name;
    if (name === 'clause') return i;
    if (name !== 'clauseParagraph') return null;
  }
  return null;
}

function offsetOf(doc: Node, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  return pos;
}

function isBoundary(doc: Node, pos: number): boolean {
  return doc.resolve(pos).depth === 0;
}
