import type { Clause, Template } from '@clausewright/model';
import { describe, expect, it } from 'vitest';
import { versionBlocks } from './versionBlocks.ts';

const clause = (id: string, children: Clause[] = [], extra: Partial<Clause> = {}): Clause => ({
  id,
  content: [{ type: 'text', text: id }],
  paragraphs: [],
  children,
  ...extra,
});

const TEMPLATE: Template = {
  meta: { schemaVersion: 1, id: 't', title: '合同', locale: 'zh-CN', numbering: 'zh-article' },
  fields: {},
  body: [
    { type: 'heading', level: 1, content: [{ type: 'text', text: '服务合同' }] },
    {
      type: 'clauses',
      clauses: [clause('a', [clause('a1', [], { paragraphs: [[{ type: 'text', text: '续' }]] }), clause('a2')])],
    },
    { type: 'paragraph', content: [{ type: 'text', text: '以下无正文' }] },
    { type: 'clauses', clauses: [clause('b', [], { condition: { kind: 'if', field: 'x' } })] },
  ],
};

describe('versionBlocks', () => {
  it('flattens the body in order, numbering clauses across clause lists as that version did', () => {
    const { blocks } = versionBlocks(TEMPLATE);
    expect(blocks.map((b) => (b.kind === 'clause' ? `${b.id}=${b.label}@${b.level}` : b.kind))).toEqual([
      'heading',
      'a=第一条@1',
      'a1=1-1@2',
      'clause-paragraph',
      'a2=1-2@2',
      'paragraph',
      'b=第二条@1',
    ]);
  });

  it('keeps conditions and gives reference labels', () => {
    const { blocks, refLabels } = versionBlocks(TEMPLATE);
    expect(blocks.find((b) => b.kind === 'clause' && b.id === 'b')).toMatchObject({
      condition: { kind: 'if', field: 'x' },
    });
    expect(refLabels.get('a2')).toBe('1-2');
  });

  it('labels with the version numbering scheme', () => {
    const decimal = { ...TEMPLATE, meta: { ...TEMPLATE.meta, numbering: 'decimal' as const } };
    const labels = versionBlocks(decimal).blocks.flatMap((b) => (b.kind === 'clause' ? [b.label] : []));
    expect(labels).toEqual(['1.', '1.1', '1.2', '2.']);
  });
});
