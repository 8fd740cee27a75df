import { templateSchema } from '@clausewright/schema';
import { describe, expect, it } from 'vitest';
import { listClauses } from './listClauses.ts';
import { matchClauses } from './matchClauses.ts';

const doc = templateSchema.nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '服务合同' }] },
    { type: 'clause', attrs: { id: 'scope', level: 1 }, content: [{ type: 'text', text: '服务内容' }] },
    { type: 'clause', attrs: { id: 'fee', level: 2 }, content: [{ type: 'text', text: '服务费用按照第二条支付' }] },
    { type: 'clauseParagraph', attrs: { level: 2 }, content: [{ type: 'text', text: '不列出' }] },
    { type: 'clause', attrs: { id: 'term', level: 1 }, content: [{ type: 'text', text: `期限${'很长'.repeat(30)}` }] },
  ],
});
const labels = new Map([
  ['scope', '第一条'],
  ['fee', '1-1'],
  ['term', '第二条'],
]);

describe('listClauses', () => {
  it('lists the clauses with their labels, levels and first words only', () => {
    const clauses = listClauses(doc, labels);
    expect(clauses.map((c) => [c.id, c.label, c.level])).toEqual([
      ['scope', '第一条', 1],
      ['fee', '1-1', 2],
      ['term', '第二条', 1],
    ]);
    expect(clauses[2]?.text.length).toBeLessThanOrEqual(41);
    expect(clauses[2]?.text.endsWith('…')).toBe(true);
  });
});

describe('matchClauses', () => {
  const clauses = listClauses(doc, labels);
  const ids = (q: string) => matchClauses(clauses, q).map((c) => c.id);

  it('lists every clause for an empty query', () => {
    expect(ids('')).toEqual(['scope', 'fee', 'term']);
  });

  it('puts label matches before text matches', () => {
    expect(ids('第二条')).toEqual(['term', 'fee']);
    expect(ids('1-1')).toEqual(['fee']);
  });

  it('finds clauses by their words or id', () => {
    expect(ids('服务')).toEqual(['scope', 'fee']);
    expect(ids('TERM')).toEqual(['term']);
    expect(ids('nothing')).toEqual([]);
  });

  it('caps the rows', () => {
    expect(matchClauses(clauses, '', 2)).toHaveLength(2);
  });
});

describe('listClauses while typing a reference', () => {
  it('leaves the typed [[query out of the clause words', () => {
    const typed = templateSchema.nodeFromJSON({
      type: 'doc',
      content: [{ type: 'clause', attrs: { id: 'a', level: 1 }, content: [{ type: 'text', text: '见[[服务条款' }] }],
    });
    expect(listClauses(typed, labels, { from: 2, to: 6 })[0]?.text).toBe('见条款');
    expect(listClauses(typed, labels)[0]?.text).toBe('见[[服务条款');
  });
});
