import type { Template } from '@clausewright/model';
import { diffText } from './diffText.ts';
import { type IndexedClause, indexClauses, sameCondition } from './indexClauses.ts';
import { longestIncreasing } from './longestIncreasing.ts';
import { matchClauses } from './matchClauses.ts';
import type { ClauseDiff, ClauseSide, DiffOptions } from './TemplateDiff.ts';

/**
 * Every clause of both versions with its status, in merged document order. A matched clause is `moved` when its
 * parent changed or it falls outside the longest run of siblings that kept their relative order; otherwise
 * `modified` when its text, marks or condition changed; otherwise `renumbered` when only its label changed.
 */
export function diffClauses(oldT: Template, newT: Template, options: DiffOptions = {}): ClauseDiff[] {
  const olds = indexClauses(oldT);
  const news = indexClauses(newT);
  const newToOld = matchClauses(olds, news, options);
  const oldToNew = new Int32Array(olds.length).fill(-1);
  newToOld.forEach((i, j) => {
    if (i >= 0) oldToNew[i] = j;
  });

  // A parent counts as the same when the old parent's match is the new parent (-2: the old parent has no match).
  const parentKept = new Uint8Array(news.length);
  for (let j = 0; j < news.length; j++) {
    const i = newToOld[j] as number;
    if (i < 0) continue;
    const oldParent = (olds[i] as IndexedClause).parent;
    const mapped = oldParent < 0 ? -1 : (oldToNew[oldParent] as number) < 0 ? -2 : (oldToNew[oldParent] as number);
    if (mapped === (news[j] as IndexedClause).parent) parentKept[j] = 1;
  }
  // Within each new parent, the children that kept their parent and the longest run in old order are not moved.
  const siblings = new Map<number, number[]>();
  for (let j = 0; j < news.length; j++) {
    if (!parentKept[j]) continue;
    const parent = (news[j] as IndexedClause).parent;
    const list = siblings.get(parent);
    if (list) list.push(j);
    else siblings.set(parent, [j]);
  }
  const inOrder = new Uint8Array(news.length);
  for (const list of siblings.values()) {
    const keep = longestIncreasing(list.map((j) => (olds[newToOld[j] as number] as IndexedClause).index));
    list.forEach((j, k) => {
      if (keep.has(k)) inOrder[j] = 1;
    });
  }

  const entries: { diff: ClauseDiff; at: number; sub: number }[] = [];
  for (let j = 0; j < news.length; j++) {
    const n = news[j] as IndexedClause;
    const i = newToOld[j] as number;
    if (i < 0) {
      entries.push({
        diff: { id: n.id, status: 'added', moved: false, modified: false, renumbered: false, new: side(n) },
        at: j,
        sub: 0,
      });
      continue;
    }
    entries.push({ diff: compare(olds[i] as IndexedClause, n, !inOrder[j]), at: j, sub: 0 });
  }
  // A removed clause goes right after the new place of the nearest matched clause before it in the old order.
  let after = -1;
  for (let i = 0; i < olds.length; i++) {
    if ((oldToNew[i] as number) >= 0) {
      after = oldToNew[i] as number;
      continue;
    }
    const o = olds[i] as IndexedClause;
    entries.push({
      diff: { id: o.id, status: 'removed', moved: false, modified: false, renumbered: false, old: side(o) },
      at: after + 0.5,
      sub: i,
    });
  }
  entries.sort((a, b) => a.at - b.at || a.sub - b.sub);
  return entries.map((e) => e.diff);
}

function compare(o: IndexedClause, n: IndexedClause, moved: boolean): ClauseDiff {
  const textChanged = o.text !== n.text;
  const formattingChanged = !textChanged && o.marked !== n.marked;
  const conditionChanged = !sameCondition(o.clause.condition, n.clause.condition);
  const modified = textChanged || formattingChanged || conditionChanged;
  const renumbered = o.label !== n.label;
  const diff: ClauseDiff = {
    id: n.id,
    status: moved ? 'moved' : modified ? 'modified' : renumbered ? 'renumbered' : 'unchanged',
    moved,
    modified,
    renumbered,
    old: side(o),
    new: side(n),
  };
  if (o.id !== n.id) diff.oldId = o.id;
  if (textChanged) diff.text = diffText(o.text, n.text);
  if (formattingChanged) diff.formattingChanged = true;
  if (conditionChanged) diff.conditionChanged = true;
  return diff;
}

function side(c: IndexedClause): ClauseSide {
  const s: ClauseSide = { label: c.label, level: c.level, parentId: c.parentId, index: c.index, text: c.text };
  if (c.clause.condition) s.condition = { ...c.clause.condition };
  return s;
}
