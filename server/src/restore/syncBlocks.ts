import * as Y from 'yjs';

/** A top-level block of the body fragment: an element (clause, paragraph, table…) or, rarely, bare text. */
export type Block = Y.XmlElement | Y.XmlText;

/**
 * Makes `fragment[from, to)` equal to `source` with the fewest block changes: blocks whose XML is already equal
 * stay (their Yjs items, and so concurrent edits inside them, survive); the others are deleted, and copies of the
 * missing source blocks inserted. Call inside a transaction. Returns the index just past the synced range.
 */
export function syncBlocks(fragment: Y.XmlFragment, from: number, to: number, source: readonly Block[]): number {
  const target = fragment.slice(from, to) as Block[];
  const have = target.map((b) => b.toString());
  const want = source.map((b) => b.toString());
  const keep = alignment(have, want);
  let index = from;
  let h = 0;
  let w = 0;
  for (const [kh, kw] of [...keep, [have.length, want.length] as const]) {
    // Drop the target blocks before the next kept pair, then insert the source blocks before it.
    if (kh > h) fragment.delete(index, kh - h);
    if (kw > w) {
      fragment.insert(
        index,
        source.slice(w, kw).map((b) => b.clone()),
      );
      index += kw - w;
    }
    if (kh < have.length) index++;
    h = kh + 1;
    w = kw + 1;
  }
  return index;
}

/** Index pairs of a longest common subsequence of two string lists (equal prefix and suffix taken first). */
function alignment(a: readonly string[], b: readonly string[]): (readonly [number, number])[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const pairs: (readonly [number, number])[] = [];
  for (let i = 0; i < start; i++) pairs.push([i, i]);
  const n = endA - start;
  const m = endB - start;
  // lengths[i * (m + 1) + j]: LCS length of a[start+i..endA) and b[start+j..endB).
  const lengths = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => lengths[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] =
        a[start + i] === b[start + j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[start + i] === b[start + j]) {
      pairs.push([start + i, start + j]);
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  for (let k = 0; k < a.length - endA; k++) pairs.push([endA + k, endB + k]);
  return pairs;
}

/** The `level` of a clause block (1 when missing or not a number). */
export function levelOf(block: Block): number {
  const level = Number(block instanceof Y.XmlElement ? block.getAttribute('level') : undefined);
  return Number.isFinite(level) && level >= 1 ? level : 1;
}

/** The `id` attribute of a block, if it is an element with a string id. */
export function idOf(block: Block | undefined): string | undefined {
  if (!(block instanceof Y.XmlElement)) return undefined;
  const id = block.getAttribute('id') as unknown;
  return typeof id === 'string' ? id : undefined;
}

/** Index of the clause with `id` among `blocks`, or -1. */
export function findClause(blocks: readonly Block[], id: string): number {
  return blocks.findIndex((b) => b instanceof Y.XmlElement && b.nodeName === 'clause' && idOf(b) === id);
}

/**
 * End (exclusive) of the clause at `start` with its children: the flat document's following clause paragraphs and
 * deeper clauses, up to the next clause of the same or a lower level (or any other block).
 */
export function clauseEnd(blocks: readonly Block[], start: number): number {
  const level = levelOf(blocks[start] as Block);
  let end = start + 1;
  for (; end < blocks.length; end++) {
    const block = blocks[end];
    if (!(block instanceof Y.XmlElement)) break;
    if (block.nodeName === 'clauseParagraph') continue;
    if (block.nodeName === 'clause' && levelOf(block) > level) continue;
    break;
  }
  return end;
}

/** Keys of every field chip inside `blocks`. */
export function fieldKeys(blocks: readonly Block[]): Set<string> {
  const keys = new Set<string>();
  const visit = (node: unknown) => {
    if (!(node instanceof Y.XmlElement)) return;
    if (node.nodeName === 'field') {
      const key = node.getAttribute('key') as unknown;
      if (typeof key === 'string') keys.add(key);
    }
    for (const child of node.toArray()) visit(child);
  };
  for (const block of blocks) visit(block);
  return keys;
}
