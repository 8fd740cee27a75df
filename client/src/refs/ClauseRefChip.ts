import { ClauseRef } from '@clausewright/schema';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { NodeView } from '@tiptap/pm/view';
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

class ClauseRefChipView implements NodeView {
  readonly dom: HTMLSpanElement;
  private node: PMNode;

  constructor(node: PMNode) {
    this.node = node;
    this.dom = document.createElement('span');
    this.dom.dataset.type = 'clauseRef';
    this.dom.className = 'cw-ref-chip';
    this.dom.contentEditable = 'false';
    this.render();
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.render();
    return true;
  }

  selectNode(): void {
    this.dom.classList.add('ProseMirror-selectednode');
  }

  deselectNode(): void {
    this.dom.classList.remove('ProseMirror-selectednode');
  }

  ignoreMutation(): boolean {
    return true;
  }

  private render(): void {
    const target = String(this.node.attrs.target ?? '');
    this.dom.dataset.target = target;
    this.dom.title = `[[#${target}]]`;
  }
}
