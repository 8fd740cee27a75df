import type { Node as PMNode } from '@tiptap/pm/model';
import type { NodeView } from '@tiptap/pm/view';

/**
 * What every inline atom shown as a plain-DOM chip shares: a non-editable `span[data-type]`, the selected-node
 * outline, and no DOM mutation for ProseMirror to read back (the chip draws itself). Subclasses draw in `render`,
 * and call it once their own fields are set.
 */
export abstract class AtomChipView implements NodeView {
  readonly dom: HTMLSpanElement;
  protected node: PMNode;

  constructor(node: PMNode, type: string) {
    this.node = node;
    this.dom = document.createElement('span');
    this.dom.dataset.type = type;
    this.dom.contentEditable = 'false';
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    const previous = this.node;
    this.node = node;
    if (this.needsRender(previous, node)) this.render();
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

  /** Whether an update from `previous` to `next` changes what the chip shows; by default any update does. */
  protected needsRender(_previous: PMNode, _next: PMNode): boolean {
    return true;
  }

  protected abstract render(): void;
}
