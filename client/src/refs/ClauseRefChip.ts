import { ClauseRef } from '@clausewright/schema';
import type { Node as PMNode } from '@tiptap/pm/model';
import { AtomChipView } from '../chips/AtomChipView.ts';
import './refs.css';

/**
 * The schema's `clauseRef` atom as a chip, `span[data-type=clauseRef][data-target]`. The numbering plugin decorates
 * it with the target's live `data-label`, which the chip shows (CSS `attr()`), so renumbering never re-creates chips;
 * a chip without a label points at no clause and is styled as dangling.
 */
export const ClauseRefChip = ClauseRef.extend({
  addNodeView() {
    return ({ node }) => new ClauseRefChipView(node);
  },
});

class ClauseRefChipView extends AtomChipView {
  constructor(node: PMNode) {
    super(node, 'clauseRef');
    this.dom.className = 'cw-ref-chip';
    this.render();
  }

  protected render(): void {
    const target = String(this.node.attrs.target ?? '');
    this.dom.dataset.target = target;
    this.dom.title = `[[#${target}]]`;
  }
}
