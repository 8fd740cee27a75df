import { Field } from '@clausewright/schema';
import type { Editor, NodeViewRendererProps } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import { AtomChipView } from '../chips/AtomChipView.ts';
import { type FieldDefsSource, fieldDefsSource } from './FieldDefsSource.ts';
import { fieldsMapOf } from './fieldsMapOf.ts';
import { filterMenu } from './filterMenu.ts';
import { filtersForType } from './filtersForType.ts';
import { type OpenPopover, openPopover } from './openPopover.ts';
import { uiText } from './uiText.ts';
import './fields.css';

export interface FieldChipOptions {
  /** The template's `fields` map; by default the one of the Y.Doc the editor is bound to. */
  fields: Y.Map<unknown> | null;
}

/**
 * The schema's `field` atom shown as a chip: the field's label and filter ("金额 · 大写"), live from the `fields` map;
 * an undefined key or a filter that does not fit the type is marked as an error. Clicking the chip offers the filters
 * valid for the field's type.
 */
export const FieldChip = Field.extend<FieldChipOptions>({
  addOptions() {
    return { fields: null };
  },

  addNodeView() {
    return (props) => new FieldChipView(props, this.options.fields);
  },
});

class FieldChipView extends AtomChipView {
  private readonly editor: Editor;
  private readonly getPos: () => number | undefined;
  private readonly source: FieldDefsSource | null;
  private readonly label = document.createElement('span');
  private readonly filter = document.createElement('span');
  private unsubscribe: (() => void) | null = null;
  private popover: OpenPopover | null = null;

  constructor(props: NodeViewRendererProps, fields: Y.Map<unknown> | null) {
    super(props.node, 'field');
    this.editor = props.editor;
    this.getPos = props.getPos;
    const map = fields ?? fieldsMapOf(props.editor.state);
    this.source = map ? fieldDefsSource(map) : null;
    this.label.className = 'cw-field-label';
    this.filter.className = 'cw-field-filter';
    this.dom.append(this.label, this.filter);
    this.dom.addEventListener('click', this.onClick);
    this.render();
  }

  protected override needsRender(previous: PMNode, next: PMNode): boolean {
    return next.attrs.key !== previous.attrs.key || next.attrs.filter !== previous.attrs.filter;
  }

  destroy(): void {
    this.unsubscribe?.();
    this.popover?.close();
    this.dom.removeEventListener('click', this.onClick);
  }

  protected render(): void {
    const key = String(this.node.attrs.key ?? '');
    const filter = typeof this.node.attrs.filter === 'string' && this.node.attrs.filter ? this.node.attrs.filter : null;
    if (this.dom.dataset.key !== key) {
      this.unsubscribe?.();
      this.unsubscribe = this.source?.subscribeKey(key, () => this.render()) ?? null;
    }
    const text = uiText();
    const def = this.source?.get(key);
    const unknown = this.source !== null && !def;
    const badFilter = filter !== null && def !== undefined && !filtersForType(def.type).includes(filter);
    this.dom.dataset.key = key;
    if (filter) this.dom.dataset.filter = filter;
    else this.dom.removeAttribute('data-filter');
    this.dom.className = `cw-field-chip${unknown ? ' cw-field-unknown' : ''}${badFilter ? ' cw-field-bad-filter' : ''}`;
    if (unknown) this.dom.dataset.error = 'unknown';
    else if (badFilter) this.dom.dataset.error = 'filter';
    else delete this.dom.dataset.error;
    this.label.textContent = def?.label || key;
    this.filter.textContent = filter ? ` · ${text.filters[filter] ?? filter}` : '';
    const source = `{{${key}${filter ? `|${filter}` : ''}}}`;
    this.dom.title = unknown ? `${text.unknownField}: ${source}` : badFilter ? `${text.badFilter}: ${source}` : source;
  }

  private readonly onClick = (): void => {
    if (!this.editor.isEditable) return;
    const key = String(this.node.attrs.key ?? '');
    const def = this.source?.get(key);
    const current =
      typeof this.node.attrs.filter === 'string' && this.node.attrs.filter ? this.node.attrs.filter : null;
    const menu = filterMenu(filtersForType(def?.type), current, (filter) => {
      this.popover?.close();
      this.setFilter(filter);
    });
    this.popover = openPopover(this.dom.getBoundingClientRect(), menu, () => {
      this.popover = null;
    });
  };

  private setFilter(filter: string | null): void {
    const pos = this.getPos();
    if (typeof pos !== 'number') return;
    const { state, view } = this.editor;
    if (state.doc.nodeAt(pos)?.type !== this.node.type) return;
    view.dispatch(state.tr.setNodeMarkup(pos, undefined, { ...this.node.attrs, filter }));
    view.focus();
  }
}
