import { mergeAttributes, Node } from '@tiptap/core';
import { textMarksAttribute } from './textMarksAttribute.ts';

/**
 * A placeholder for a field value, optionally through a filter: `{{amount|rmb_upper}}`. An atom, so it is edited
 * as a whole and never half-deleted.
 */
export const Field = Node.create({
  name: 'field',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      textMarks: textMarksAttribute,
      key: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-key') ?? '',
        renderHTML: (attributes) => ({ 'data-key': attributes.key }),
      },
      /** A filter name from the model's `FILTERS`, or null. */
      filter: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-filter'),
        renderHTML: (attributes) => (attributes.filter ? { 'data-filter': attributes.filter } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-type="field"]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return ['span', mergeAttributes({ 'data-type': 'field' }, HTMLAttributes), fieldSource(node.attrs)];
  },

  renderText({ node }) {
    return fieldSource(node.attrs);
  },
});

function fieldSource(attrs: Record<string, unknown>): string {
  return `{{${String(attrs.key)}${attrs.filter ? `|${String(attrs.filter)}` : ''}}}`;
}
