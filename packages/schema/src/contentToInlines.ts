import { type Inline, MARKS, type Mark } from '@clausewright/model';
import type { JSONContent } from '@tiptap/core';

/** Model inlines of a textblock's ProseMirror JSON content; adjacent text runs with equal marks are merged. */
export function contentToInlines(content: readonly JSONContent[] | undefined): Inline[] {
  const out: Inline[] = [];
  for (const node of content ?? []) {
    const attrs = node.attrs ?? {};
    // Atoms keep formatting in `textMarks`; marks from foreign JSON count too.
    const names = (node.marks ?? []).map((mark) => mark.type);
    if (typeof attrs.textMarks === 'string') names.push(...attrs.textMarks.split(' '));
    const marks = readMarks(names);
    if (node.type === 'text') {
      const text = node.text ?? '';
      if (text === '') continue;
      const last = out[out.length - 1];
      if (last?.type === 'text' && (last.marks?.join() ?? '') === (marks?.join() ?? '')) {
        out[out.length - 1] = { ...last, text: last.text + text };
        continue;
      }
      out.push(marks ? { type: 'text', text, marks } : { type: 'text', text });
    } else if (node.type === 'field') {
      const field: Inline = { type: 'field', key: String(attrs.key ?? '') };
      if (typeof attrs.filter === 'string') field.filter = attrs.filter;
      if (marks) field.marks = marks;
      out.push(field);
    } else if (node.type === 'clauseRef') {
      const target = String(attrs.target ?? '');
      out.push(marks ? { type: 'ref', target, marks } : { type: 'ref', target });
    } else if (node.type === 'hardBreak') {
      out.push({ type: 'break' });
    }
  }
  return out;
}

// In the model's canonical order; marks the model lacks (e.g. pasted `code`) are dropped.
function readMarks(names: readonly string[]): Mark[] | undefined {
  const kept = MARKS.filter((mark) => names.includes(mark));
  return kept.length > 0 ? kept : undefined;
}
