import type { Attribute } from '@tiptap/core';

/**
 * Bold/italic/strike of an inline atom, as space-separated mark names (`"bold strike"`) or null. Kept as an attribute,
 * not as ProseMirror marks, because y-tiptap writes marks of text only: marks on a `field` would vanish in a Y.Doc.
 */
export const textMarksAttribute: Attribute = {
  default: null,
  parseHTML: (element) => element.getAttribute('data-marks'),
  renderHTML: (attributes) => (attributes.textMarks ? { 'data-marks': attributes.textMarks } : {}),
};
