import { mergeAttributes, Node } from '@tiptap/core';
import { textMarksAttribute } from './textMarksAttribute.ts';

/** A cross-reference to a clause by id (`[[#clause-id]]`); the client shows the target's current label. */
export const ClauseRef = Node.create({
  name: 'clauseRef',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      textMarks: textMarksAttribute,
      target: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-target') ?? '',
        renderHTML: (attributes) => ({ 'data-target': attributes.target }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-type="clause-ref"]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'span',
      mergeAttributes({ 'data-type': 'clause-ref' }, HTMLAttributes),
      `[[#${String(node.attrs.target)}]]`,
    ];
  },

  renderText({ node }) {
    return `[[#${String(node.attrs.target)}]]`;
  },
});
