import { templateSchema } from '@clausewright/schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteFieldIfUnused } from './deleteFieldIfUnused.ts';
import { describeUsages } from './describeUsages.ts';
import { findFieldUsages } from './findFieldUsages.ts';

const field = (key: string, filter: string | null = null) => ({ type: 'field', attrs: { key, filter } });
const text = (t: string) => ({ type: 'text', text: t });

const doc = templateSchema.nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [text('甲方：'), field('party_a')] },
    { type: 'clause', attrs: { id: 'scope', level: 1 }, content: [text('服务内容')] },
    { type: 'clause', attrs: { id: 'fee', level: 2 }, content: [text('费用 '), field('amount', 'rmb_upper')] },
    { type: 'clauseParagraph', attrs: { level: 2 }, content: [text('即 '), field('amount', 'money')] },
    { type: 'clause', attrs: { id: 'install', level: 2, if: 'pay_mode=分期' }, content: [text('分期付款')] },
    { type: 'clause', attrs: { id: 'deposit', level: 2, unless: 'no_deposit' }, content: [text('押金')] },
    { type: 'heading', attrs: { level: 2 }, content: [text('附件')] },
    { type: 'paragraph', content: [field('amount')] },
  ],
});

describe('findFieldUsages', () => {
  it('finds chips in clauses, in a clause paragraph (owned by the clause before) and outside any clause', () => {
    const usages = findFieldUsages(doc, 'amount');
    expect(usages.map((u) => [u.kind, u.clauseId])).toEqual([
      ['text', 'fee'],
      ['text', 'fee'],
      ['text', null],
    ]);
    for (const u of usages) expect(doc.nodeAt(u.pos)?.attrs.key).toBe('amount');
  });

  it('finds a field used in a clause condition, with or without a value', () => {
    expect(findFieldUsages(doc, 'pay_mode')).toEqual([{ kind: 'if', clauseId: 'install', pos: expect.any(Number) }]);
    expect(findFieldUsages(doc, 'no_deposit').map((u) => [u.kind, u.clauseId])).toEqual([['unless', 'deposit']]);
  });

  it('does not mistake a key that only starts the same for a use', () => {
    expect(findFieldUsages(doc, 'pay')).toEqual([]);
    expect(findFieldUsages(doc, 'amount_total')).toEqual([]);
    expect(findFieldUsages(doc, 'party_a').map((u) => u.clauseId)).toEqual([null]);
  });

  it('describes the uses once per clause by label, marking conditions', () => {
    const labels = new Map([
      ['fee', '1-1'],
      ['install', '1-2'],
    ]);
    const words = { outside: '正文', condition: '条件' };
    expect(describeUsages(findFieldUsages(doc, 'amount'), labels, words)).toEqual(['1-1', '正文']);
    expect(describeUsages(findFieldUsages(doc, 'pay_mode'), labels, words)).toEqual(['1-2 (条件)']);
  });
});

describe('deleteFieldIfUnused', () => {
  function fieldsMap() {
    const map = new Y.Doc().getMap<unknown>('fields');
    map.set('amount', { label: '金额', type: 'money' });
    map.set('pay_mode', { label: '付款方式', type: 'choice', options: ['一次性', '分期'] });
    map.set('unused', { label: '备注', type: 'text' });
    return map;
  }

  it('refuses to delete a field used in the text and says where', () => {
    const map = fieldsMap();
    const result = deleteFieldIfUnused(map, doc, 'amount');
    expect(result.deleted).toBe(false);
    expect(result.deleted ? [] : result.usages.map((u) => u.clauseId)).toEqual(['fee', 'fee', null]);
    expect(map.has('amount')).toBe(true);
  });

  it('refuses to delete a field a clause condition depends on', () => {
    const map = fieldsMap();
    expect(deleteFieldIfUnused(map, doc, 'pay_mode').deleted).toBe(false);
    expect(map.has('pay_mode')).toBe(true);
  });

  it('deletes a field nothing uses', () => {
    const map = fieldsMap();
    expect(deleteFieldIfUnused(map, doc, 'unused')).toEqual({ deleted: true });
    expect(map.has('unused')).toBe(false);
  });
});
