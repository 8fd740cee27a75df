import type { Inline, Mark } from '@clausewright/model';
import { markBits, markNames } from './marks.ts';

const LEADING_SPACE = /^[ \t]+/;
const TRAILING_SPACE = /[ \t]+$/;

/**
 * Brings inlines to the one form Markdown can express: marks in a fixed order (and no empty `marks`), adjacent
 * text runs with the same marks merged, no empty runs, no newlines inside text, no spaces or tabs at the start or
 * end of a line (the paragraph's edges and around hard breaks), no hard break at either end. Both the parser and
 * the serializer use it, which is what makes parse → serialize → parse lossless.
 */
export function normalizeInlines(inlines: readonly Inline[]): Inline[] {
  const lines: Inline[][] = [[]];
  for (const inline of inlines) {
    const line = lines[lines.length - 1] as Inline[];
    if (inline.type === 'break') {
      lines.push([]);
      continue;
    }
    const marks = canonicalMarks(inline.marks);
    if (inline.type === 'text') {
      const text = inline.text.replace(/[\r\n]+/g, ' ');
      if (text === '') continue;
      const last = line[line.length - 1];
      if (last?.type === 'text' && (last.marks?.join() ?? '') === (marks?.join() ?? '')) {
        line[line.length - 1] = { ...last, text: last.text + text };
        continue;
      }
      line.push(marks ? { type: 'text', text, marks } : { type: 'text', text });
    } else if ((inline.marks?.join() ?? '') === (marks?.join() ?? '') && (inline.marks === undefined || marks)) {
      // Already canonical: keep the very object, which the parser has mapped to its source position.
      line.push(inline);
    } else if (inline.type === 'field') {
      const field: Inline = { type: 'field', key: inline.key };
      if (inline.filter !== undefined) field.filter = inline.filter;
      if (marks) field.marks = marks;
      line.push(field);
    } else {
      line.push(marks ? { type: 'ref', target: inline.target, marks } : { type: 'ref', target: inline.target });
    }
  }
  for (const line of lines) trimLine(line);
  while (lines.length > 1 && lines[0]?.length === 0) lines.shift();
  while (lines.length > 1 && lines[lines.length - 1]?.length === 0) lines.pop();
  const out: Inline[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push({ type: 'break' });
    out.push(...line);
  });
  return out;
}

function canonicalMarks(marks: readonly Mark[] | undefined): Mark[] | undefined {
  const bits = markBits(marks);
  return bits ? markNames(bits) : undefined;
}

function trimLine(line: Inline[]): void {
  while (line[0]?.type === 'text') {
    const text = line[0].text.replace(LEADING_SPACE, '');
    if (text) {
      line[0] = { ...line[0], text };
      break;
    }
    line.shift();
  }
  for (let last = line[line.length - 1]; last?.type === 'text'; last = line[line.length - 1]) {
    const text = last.text.replace(TRAILING_SPACE, '');
    if (text) {
      line[line.length - 1] = { ...last, text };
      break;
    }
    line.pop();
  }
}
