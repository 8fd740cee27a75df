import type { Inline, Mark } from '@clausewright/model';
import type { JSONContent } from '@tiptap/core';

/**
 * ProseMirror JSON of a run of model inlines: `field` → `field`, `ref` → `clauseRef`, `break` → `hardBreak`. Marks of
 * fields and references go to their `textMarks` attribute.
 */
export function inlinesToContent(inlines: readonly Inline[]): JSONContent[] {
  return inlines.map(inlineToContent);
}

function inlineToContent(inline: Inline): JSONContent {
  switch (inline.type) {
    case 'text':
      return withMarks({ type: 'text', text: inline.text }, inline.marks);
    case 'field':
      return {
        type: 'field',
        attrs: { key: inline.key, filter: inline.filter ?? null, textMarks: textMarks(inline.marks) },
      };
    case 'ref':
      return { type: 'clauseRef', attrs: { target: inline.target, textMarks: textMarks(inline.marks) } };
    case 'break':
      return { type: 'hardBreak' };
  }
}

// Atoms carry their formatting as an attribute; see textMarksAttribute.
function textMarks(marks: readonly Mark[] | undefined): string | null {
  return marks && marks.length > 0 ? marks.join(' ') : null;
}

function withMarks(node: JSONContent, marks: readonly Mark[] | undefined): JSONContent {
  if (marks && marks.length > 0) node.marks = marks.map((type) => ({ type }));
  return node;
}
