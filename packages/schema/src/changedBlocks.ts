import type { Node } from '@tiptap/pm/model';
import type { Step } from '@tiptap/pm/transform';

/**
 * The top-level blocks a change replaced: `oldDoc`'s children `[start, oldEnd)` became `newDoc`'s `[start, newEnd)`;
 * every block before and after is the same. Positions: the window runs from `from` to `oldTo` in the old document
 * and from `from` to `newTo` in the new one.
 */
export interface BlockChange {
  start: number;
  oldEnd: number;
  newEnd: number;
  from: number;
  oldTo: number;
  newTo: number;
}

/**
 * Finds the blocks `steps` (turning `oldDoc` into `newDoc`) touched, from the steps' changed ranges, without
 * visiting untouched blocks' content. The window is then narrowed by node identity, which matters for
 * y-prosemirror: a remote change arrives as one step replacing the whole document, but with the very same node
 * objects for every block Yjs did not change. Null when nothing changed.
 */
export function changedBlocks(oldDoc: Node, newDoc: Node, steps: readonly Step[]): BlockChange | null {
  let lo = -1;
  let hi = -1;
  for (const step of steps) {
    const map = step.getMap();
    if (lo >= 0) {
      lo = map.map(lo, -1);
      hi = map.map(hi, 1);
    }
    let mapped = false;
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      mapped = true;
      lo = lo < 0 ? newStart : Math.min(lo, newStart);
      hi = Math.max(hi, newEnd);
    });
    // Attribute and node-mark steps change a node in place and map nothing; they carry the node's position.
    const pos = (step as { pos?: unknown }).pos;
    if (!mapped && typeof pos === 'number') {
      lo = lo < 0 ? pos : Math.min(lo, pos);
      hi = Math.max(hi, pos + 1);
    }
  }
  if (lo < 0) return null;
  const newSize = newDoc.content.size;
  lo = Math.min(lo, newSize);
  hi = Math.min(Math.max(hi, lo), newSize);
  // Everything before `lo` and after `hi` is untouched, so the old window ends as far from the end as the new one.
  const oldHi = Math.max(lo, hi - (newSize - oldDoc.content.size));

  const $lo = newDoc.resolve(lo);
  let start = $lo.index(0);
  let from = $lo.depth === 0 ? lo : $lo.before(1);
  const [oldEndIndex, oldTo] = blockEnd(oldDoc, oldHi);
  const [newEndIndex, newTo] = blockEnd(newDoc, hi);
  let oldEnd = oldEndIndex;
  let newEnd = newEndIndex;
  let oldToPos = oldTo;
  let newToPos = newTo;

  while (start < oldEnd && start < newEnd && oldDoc.child(start) === newDoc.child(start)) {
    from += newDoc.child(start).nodeSize;
    start++;
  }
  while (oldEnd > start && newEnd > start && oldDoc.child(oldEnd - 1) === newDoc.child(newEnd - 1)) {
    const size = newDoc.child(newEnd - 1).nodeSize;
    oldToPos -= size;
    newToPos -= size;
    oldEnd--;
    newEnd--;
  }
  if (start === oldEnd && start === newEnd) return null;
  return { start, oldEnd, newEnd, from, oldTo: oldToPos, newTo: newToPos };
}

/** The index after the block holding `pos` (or after the blocks before a boundary `pos`), and where it ends. */
function blockEnd(doc: Node, pos: number): [number, number] {
  const $pos = doc.resolve(pos);
  if ($pos.depth === 0) return [$pos.index(0), pos];
  return [$pos.index(0) + 1, $pos.after(1)];
}
