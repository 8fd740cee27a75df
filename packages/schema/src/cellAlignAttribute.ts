import type { Attribute } from '@tiptap/core';

const ALIGNS = new Set(['left', 'center', 'right']);

/** A table cell's column alignment (`left`, `center`, `right` or null), kept per cell as Markdown keeps it per column. */
export const cellAlignAttribute: Attribute = {
  default: null,
  parseHTML: (element) => {
    const align = element.style.textAlign || element.getAttribute('align');
    return align && ALIGNS.has(align) ? align : null;
  },
  renderHTML: (attributes) => (attributes.align ? { style: `text-align: ${attributes.align}` } : {}),
};
