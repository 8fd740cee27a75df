import type { ClauseNumber } from '@clausewright/model';
import type { Node } from '@tiptap/pm/model';
import type { Mapping } from '@tiptap/pm/transform';
import { type Decoration, DecorationSet, type DecorationSource } from '@tiptap/pm/view';
import type { BlockChange } from './changedBlocks.ts';
import { clauseDecoration, refDecorations } from './clauseDecorations.ts';

type Labels = ReadonlyMap<string, ClauseNumber>;

// prosemirror-view (pinned 1.42.9) internals used below; the tests compare the result with `DecorationSet.create`.
type Copyable = Decoration & { copy(from: number, to: number): Decoration };
type SetConstructor = new (local: Decoration[], children: (number | DecorationSet)[]) => DecorationSet;

/**
 * The label decorations as a custom DecorationSource. A DecorationSet holding one node decoration per top-level
 * clause makes every view update quadratic: the view asks the set for each top-level child's decorations and the
 * set scans all of its own (1,000 × 1,000 per keystroke, ≈ 8 ms in happy-dom). This source answers by binary search.
 * It speaks the internal protocol prosemirror-view uses between DecorationSet and DecorationGroup (`members`,
 * `locals`, `localsInner`, `forChild`, `eq`), so it combines with other plugins' decorations (carets, placeholder).
 */
export class LabelDecorations implements DecorationSource {
  /** Lets `DecorationGroup.from` take this source as one of its members. */
  readonly members: readonly LabelDecorations[] = [this];
  private set: DecorationSet | null = null;

  private constructor(
    /** Node decorations of the top-level clauses, in document order. */
    private readonly clauses: readonly Decoration[],
    /** Start of each top-level block that holds reference decorations, ascending. */
    private readonly starts: readonly number[],
    /** Those blocks' sizes. */
    private readonly sizes: readonly number[],
    /** Those blocks' reference decorations, relative to the block's content, as ProseMirror expects a child set. */
    private readonly inner: readonly DecorationSet[],
  ) {}

  /** Every label decoration of `doc`. */
  static build(doc: Node, labels: Labels): LabelDecorations {
    const clauses: Decoration[] = [];
    const blocks: Blocks = { starts: [], sizes: [], inner: [] };
    doc.forEach((node, pos) => {
      collect(node, pos, labels, clauses, blocks);
    });
    return new LabelDecorations(clauses, blocks.starts, blocks.sizes, blocks.inner);
  }

  /**
   * The decorations after `change` (a window of top-level blocks replaced): those before it are kept, the window's
   * blocks are drawn afresh and those after it move by the window's size difference.
   */
  replace(doc: Node, change: BlockChange, labels: Labels): LabelDecorations {
    const { from, oldTo, newTo } = change;
    const delta = newTo - oldTo;
    const clauses: Decoration[] = this.clauses.slice(0, firstAtOrAfter(this.clauses, from));
    const cut = firstIndexAtOrAfter(this.starts, from);
    const blocks: Blocks = {
      starts: this.starts.slice(0, cut),
      sizes: this.sizes.slice(0, cut),
      inner: this.inner.slice(0, cut),
    };
    let pos = from;
    for (let i = change.start; i < change.newEnd; i++) {
      const node = doc.child(i);
      collect(node, pos, labels, clauses, blocks);
      pos += node.nodeSize;
    }
    for (let i = firstAtOrAfter(this.clauses, oldTo); i < this.clauses.length; i++) {
      const dec = this.clauses[i] as Copyable;
      clauses.push(delta === 0 ? dec : dec.copy(dec.from + delta, dec.to + delta));
    }
    for (let i = firstIndexAtOrAfter(this.starts, oldTo); i < this.starts.length; i++) {
      blocks.starts.push((this.starts[i] ?? 0) + delta);
      blocks.sizes.push(this.sizes[i] ?? 0);
      blocks.inner.push(this.inner[i] as DecorationSet);
    }
    return new LabelDecorations(clauses, blocks.starts, blocks.sizes, blocks.inner);
  }

  forChild(offset: number, child: Node): DecorationSource {
    if (child.isLeaf) return DecorationSet.empty;
    const i = firstIndexAtOrAfter(this.starts, offset);
    return this.starts[i] === offset ? (this.inner[i] as DecorationSet) : DecorationSet.empty;
  }

  /** The decorations on the children of the document (only the document asks: children get real sets). */
  locals(_node: Node): readonly Decoration[] {
    return this.clauses;
  }

  localsInner(node: Node): readonly Decoration[] {
    return this.locals(node);
  }

  eq(other: unknown): boolean {
    return other === this;
  }

  map(mapping: Mapping, doc: Node): DecorationSource {
    return this.toSet().map(mapping, doc);
  }

  forEachSet(f: (set: DecorationSet) => void): void {
    f(this.toSet());
  }

  /** Every decoration, absolute, in document order of their start. */
  find(): Decoration[] {
    return this.toSet().find();
  }

  /** The same decorations as a plain DecorationSet (built once, on demand). */
  toSet(): DecorationSet {
    if (!this.set) {
      const children: (number | DecorationSet)[] = [];
      this.starts.forEach((start, i) => {
        children.push(start, start + (this.sizes[i] ?? 0), this.inner[i] as DecorationSet);
      });
      this.set =
        this.clauses.length === 0 && children.length === 0
          ? DecorationSet.empty
          : new (DecorationSet as unknown as SetConstructor)([...this.clauses], children);
    }
    return this.set;
  }
}

interface Blocks {
  starts: number[];
  sizes: number[];
  inner: DecorationSet[];
}

/** Adds block `node` at `pos`: its clause decoration, and its reference decorations as a child set. */
function collect(node: Node, pos: number, labels: Labels, clauses: Decoration[], blocks: Blocks): void {
  const own = clauseDecoration(node, pos, labels);
  if (own) clauses.push(own);
  const refs: Decoration[] = [];
  refDecorations(node, 0, labels, refs);
  if (refs.length > 0) {
    blocks.starts.push(pos);
    blocks.sizes.push(node.nodeSize);
    blocks.inner.push(DecorationSet.create(node, refs));
  }
}

/** Index of the first decoration starting at or after `pos` (they are sorted and do not overlap). */
function firstAtOrAfter(list: readonly Decoration[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.from ?? 0) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstIndexAtOrAfter(list: readonly number[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? 0) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
