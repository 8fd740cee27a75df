import { TableHeader } from '@tiptap/extension-table';
import { cellAlignAttribute } from './cellAlignAttribute.ts';

/** Tiptap's `tableHeader` (a table's first row, as in Markdown) with the column alignment the model keeps. */
export const TemplateTableHeader = TableHeader.extend({
  addAttributes() {
    return { ...this.parent?.(), align: cellAlignAttribute };
  },
});
