import { mergeAttributes, Node } from '@tiptap/core';

/** Deepest clause level the flat document holds (Word offers nine list levels too). */
export const MAX_CLAUSE_LEVEL = 9;

/** Brings any stored level into 1–{@link MAX_CLAUSE_LEVEL}; a remote client may send anything. */
export function clampLevel(value: unknown): number {
  const level = typeof value === 'number' ? value : Number.parseInt(String(value), 10);
  if (!Number.isFinite(level)) return 1;
  return Math.min(MAX_CLAUSE_LEVEL, Math.max(1, Math.trunc(level)));
}

/**
 * A numbered clause's first paragraph, flat in the document: its depth in the clause tree is `level`, not nesting,
 * so indenting is an attribute change that merges cleanly under concurrent editing.
 *
 * @example { type: 'clause', attrs: { id: 'payment', level: 2, if: 'pay_mode=分期', unless: null }, content: [...] }
 */
export const Clause = Node.create({
  name: 'clause',
  group: 'block',
  content: 'inline*',
  defining: true,

  addAttributes() {
    return {
      /** Stable clause id; a split must not copy it, or two clauses share one id. */
      id: {
        default: null,
        keepOnSplit: false,
        parseHTML: (element) => element.getAttribute('data-id'),
        renderHTML: (attributes) => (attributes.id ? { 'data-id': attributes.id } : {}),
      },
      /** Depth in the clause tree, 1–9. */
      level: {
        default: 1,
        parseHTML: (element) => clampLevel(element.getAttribute('data-level')),
        renderHTML: (attributes) => ({ 'data-level': attributes.level }),
      },
      /** `key` or `key=value`, as in the Markdown `if=` attribute. */
      if: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-if'),
        renderHTML: (attributes) => (attributes.if ? { 'data-if': attributes.if } : {}),
      },
      /** `key` or `key=value`, as in the Markdown `unless=` attribute. */
      unless: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-unless'),
        renderHTML: (attributes) => (attributes.unless ? { 'data-unless': attributes.unless } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'p[data-type="clause"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['p', mergeAttributes({ 'data-type': 'clause' }, HTMLAttributes), 0];
  },
});
