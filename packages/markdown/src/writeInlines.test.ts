import type { Inline, Mark, Template } from '@clausewright/model';
import { describe, expect, it } from 'vitest';
import { normalizeInlines } from './normalizeInlines.ts';
import { parseTemplate } from './parseTemplate.ts';
import { serializeTemplate } from './serializeTemplate.ts';

const MARK_SETS: Mark[][] = [
  [],
  ['bold'],
  ['italic'],
  ['strike'],
  ['bold', 'italic'],
  ['bold', 'strike'],
  ['italic', 'strike'],
  ['bold', 'italic', 'strike'],
];
// One of each class CommonMark's flanking rules distinguish, including CJK punctuation and a field.
const PIECES = ['a', '中', '“', ' ', '*', '😀', '{{f}}'];

function inline(piece: string, marks: Mark[]): Inline {
  const m = marks.length > 0 ? { marks } : {};
  return piece === '{{f}}' ? { type: 'field', key: 'f', ...m } : { type: 'text', text: piece, ...m };
}

function roundTrip(content: Inline[], where: 'paragraph' | 'clause' | 'cell'): Inline[] {
  const body: Template['body'] =
    where === 'paragraph'
      ? [{ type: 'paragraph', content }]
      : where === 'cell'
        ? [{ type: 'table', align: [null], rows: [[content]] }]
        : [{ type: 'clauses', clauses: [{ id: 'a', content, paragraphs: [], children: [] }] }];
  const template: Template = {
    meta: { schemaVersion: 1, id: 'x', title: 'T', locale: 'en', numbering: 'decimal' },
    fields: { f: { label: 'F', type: 'text' } },
    body,
  };
  const [block] = parseTemplate(serializeTemplate(template)).body;
  if (block?.type === 'paragraph') return block.content;
  if (block?.type === 'table') return block.rows[0]?.[0] ?? [];
  if (block?.type === 'clauses') return block.clauses[0]?.content ?? [];
  return [];
}

describe('writeInlines', () => {
  // Every pair of runs with every combination of marks: delimiters must open and close exactly where intended.
  it.each(['paragraph', 'clause', 'cell'] as const)('writes marks that read back exactly (%s)', (where) => {
    let checked = 0;
    for (const a of PIECES) {
      for (const b of PIECES) {
        for (const ma of MARK_SETS) {
          for (const mb of MARK_SETS) {
            const content = normalizeInlines([inline(a, ma), inline(b, mb)]);
            if (content.length === 0) continue;
            expect(roundTrip(content, where), JSON.stringify(content)).toEqual(content);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(2500);
  });
});
