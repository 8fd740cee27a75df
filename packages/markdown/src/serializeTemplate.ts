import type { Block, Clause, Inline, TableBlock, Template } from '@clausewright/model';
import { formatAttributes } from './attributes.ts';
import { normalizeInlines } from './normalizeInlines.ts';
import { serializeFrontMatter } from './serializeFrontMatter.ts';
import { writeInlines } from './writeInlines.ts';

const INDENT = '   ';
const ALIGN = { left: ':--', center: ':-:', right: '--:' } as const;

/**
 * Writes a template as Clause Markdown: front matter, then the body with a blank line between blocks, every
 * clause as `1.` with its id written back as `{#id}` and nested content indented by three spaces. What
 * `parseTemplate` reads back equals the template up to {@link normalizeInlines}; writing that again gives the
 * same text.
 */
export function serializeTemplate(template: Template): string {
  const front = serializeFrontMatter(template);
  const blocks = writeBlocks(template.body);
  return blocks.length > 0 ? `${front}\n${blocks.join('\n\n')}\n` : front;
}

function writeBlocks(body: readonly Block[]): string[] {
  const out: string[] = [];
  let lastMarker: string | undefined;
  for (const block of body) {
    let written: string | undefined;
    let marker: string | undefined;
    switch (block.type) {
      case 'heading': {
        const level = Math.min(6, Math.max(1, Math.round(block.level)));
        const text = writeInlines(normalizeInlines(block.content), { lineBreak: '<br>', heading: true });
        written = `${'#'.repeat(level)}${text ? ` ${text}` : ''}`;
        break;
      }
      case 'paragraph':
        written = writeInlines(normalizeInlines(block.content), { lineBreak: '\\\n', lineStart: true }) || undefined;
        break;
      case 'table':
        written = writeTable(block);
        break;
      case 'clauses':
        if (block.clauses.length === 0) break;
        // Two clause lists in a row would merge into one; CommonMark starts a new list when the delimiter changes.
        marker = lastMarker === '1.' ? '1)' : '1.';
        written = writeClauses(block.clauses, 0, marker).join('\n');
        break;
    }
    if (written === undefined) continue;
    out.push(written);
    lastMarker = marker;
  }
  return out;
}

function writeClauses(clauses: readonly Clause[], depth: number, marker: string): string[] {
  const lines: string[] = [];
  let previousLoose = false;
  for (const clause of clauses) {
    const item = writeClause(clause, depth, marker);
    const loose = item.includes('');
    // Items with several paragraphs read better apart; plain ones stay a tight list.
    if (lines.length > 0 && (loose || previousLoose)) lines.push('');
    lines.push(...item);
    previousLoose = loose;
  }
  return lines;
}

function writeClause(clause: Clause, depth: number, marker: string): string[] {
  const indent = INDENT.repeat(depth);
  const inner = indent + INDENT;
  const lineBreak = `\\\n${inner}`;
  const content = writeInlines(normalizeInlines(clause.content), { lineBreak, lineStart: true });
  const attributes = formatAttributes(clause.id, clause.condition);
  // Attributes end the first line; a hard break's backslash sits right before the first newline.
  const newline = content.indexOf('\n');
  const first =
    newline === -1
      ? content
        ? `${content} ${attributes}`
        : attributes
      : `${content.slice(0, newline - 1)} ${attributes}${content.slice(newline - 1)}`;
  const lines = `${indent}${marker} ${first}`.split('\n');
  for (const paragraph of clause.paragraphs) {
    const text = writeInlines(normalizeInlines(paragraph), { lineBreak, lineStart: true });
    if (text) lines.push('', ...`${inner}${text}`.split('\n'));
  }
  if (clause.children.length > 0) {
    if (lines.includes('')) lines.push('');
    lines.push(...writeClauses(clause.children, depth + 1, '1.'));
  }
  return lines;
}

function writeTable(table: TableBlock): string | undefined {
  const columns = Math.max(table.align.length, ...table.rows.map((row) => row.length));
  const [header, ...rows] = table.rows;
  if (columns === 0 || !header) return undefined;
  const cell = (inlines: readonly Inline[] | undefined) =>
    writeInlines(normalizeInlines(inlines ?? []), { lineBreak: '<br>', cell: true });
  const row = (cells: readonly (readonly Inline[])[]) =>
    `| ${Array.from({ length: columns }, (_, c) => cell(cells[c])).join(' | ')} |`;
  const delimiter = `| ${Array.from({ length: columns }, (_, c) => {
    const align = table.align[c];
    return align ? ALIGN[align] : '---';
  }).join(' | ')} |`;
  return [row(header), delimiter, ...rows.map(row)].join('\n');
}
