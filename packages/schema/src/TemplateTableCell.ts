import { TableCell } from '@tiptap/extension-table';
import { cellAlignAttribute } from './cellAlignAttribute.ts';

/** Tiptap's `tableCell` with the column alignment the template model keeps. */
export const TemplateTableCell = TableCell.extend({
  addAttributes() {
    return { ...this.parent?.(), align: cellAlignAttribute };
  },
});
