import type { ClauseNumber } from '@clausewright/model';
import type { Node } from '@tiptap/pm/model';
import { Decoration } from '@tiptap/pm/view';

/** Class of a clause that has an `if` or `unless` condition. */
export const CONDITIONAL_CLASS = 'cw-conditional';

type Labels = ReadonlyMap<string, ClauseNumber>;

/**
 * The label decorations of one top-level block at `pos`: the clause's `data-label` (and the conditional class), and
 * `data-label` (target's reference label) or `data-missing` on every clause reference inside it.
 */
export function blockDecorations(node: Node, pos: number, labels: Labels, out: Decoration[]): void {
  const own = clauseDecoration(node, pos, labels);
  if (own) out.push(own);
  refDecorations(node, pos + 1, labels, out);
}

/** The node decoration of a top-level clause at `pos`: its label, and the conditional class. */
export function clauseDecoration(node: Node, pos: number, labels: Labels): Decoration | null {
  if (node.type.name !== 'clause') return null;
  const attrs: Record<string, string> = { 'data-label': labels.get(String(node.attrs.id))?.label ?? '' };
  if (node.attrs.if || node.attrs.unless) attrs.class = CONDITIONAL_CLASS;
  return Decoration.node(pos, pos + node.nodeSize, attrs);
}

/** Reference decorations inside `node`, whose content starts at `start`. */
export function refDecorations(node: Node, start: number, labels: Labels, out: Decoration[]): void {
  if (node.isLeaf) return;
  node.descendants((child, offset) => {
    if (child.type.name === 'clauseRef') {
      const target = labels.get(String(child.attrs.target));
      const at = start + offset;
      out.push(
        Decoration.node(
          at,
          at + child.nodeSize,
          target ? { 'data-label': target.refLabel } : { 'data-missing': 'true' },
        ),
      );
      return false;
    }
    // Inline content has no further containers; only tables hold blocks inside blocks.
    return !child.isInline;
  });
}
