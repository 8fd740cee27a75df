import type { ResolvedClause, ResolvedDocument, ResolvedInline } from '@clausewright/model';
import { BLANK, brokenRefText } from './blank.ts';
import { assertRenderable } from './ProblemsError.ts';

/** Plain text of inline content; values print as text, gaps as blanks, broken references visibly. */
export function inlineText(content: readonly ResolvedInline[]): string {
  let out = '';
  for (const inline of content) {
    switch (inline.type) {
      case 'text':
        out += inline.text;
        break;
      case 'break':
        out += '\n';
        break;
      case 'value':
        out += inline.text ?? BLANK;
        break;
      case 'ref':
        out += inline.text ?? brokenRefText(inline.target);
        break;
    }
  }
  return out;
}

function clauseLines(clause: ResolvedClause, lines: string[]): void {
  lines.push(`${clause.label} ${inlineText(clause.content)}`);
  for (const p of clause.paragraphs) lines.push(inlineText(p));
  for (const child of clause.children) clauseLines(child, lines);
}

/**
 * The document as plain text: one line per heading or paragraph, `<label> <text>` for a clause,
 * table cells joined by tabs. Throws ProblemsError for a strict document with problems.
 */
export function renderTxt(doc: ResolvedDocument): string {
  assertRenderable(doc);
  const lines: string[] = [];
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        lines.push(inlineText(block.content));
        break;
      case 'table':
        for (const row of block.rows) lines.push(row.map((cell) => inlineText(cell)).join('\t'));
        break;
      case 'clauses':
        for (const clause of block.clauses) clauseLines(clause, lines);
        break;
    }
  }
  return `${lines.join('\n')}\n`;
}
