import { mergeAttributes, Node } from '@tiptap/core';
import { clampLevel } from './Clause.ts';

/**
 * A further, unnumbered paragraph of a clause. It belongs to the nearest preceding `clause` block; `level` repeats
 * that clause's level so the editor can indent it without looking back.
 */
export const ClauseParagraph = Node.create({
  name: 'clauseParagraph',
  group: 'block',
  content: 'inline*',

  addAttributes() {
    return {
      level: {
        default: 1,
        parseHTML: (element) => clampLevel(element.getAttribute('data-level')),
        renderHTML: (attributes) => ({ 'data-level': attributes.level }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'p[data-type="clause-paragraph"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['p', mergeAttributes({ 'data-type': 'clause-paragraph' }, HTMLAttributes), 0];
  },
});
