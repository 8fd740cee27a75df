import { diffTemplates } from '@clausewright/diff';
import type { Clause, Template } from '@clausewright/model';
import { describe, expect, it } from 'vitest';
import { diffRows } from './diffRows.ts';

const clause = (id: string, text: string, children: Clause[] = [], extra: Partial<Clause> = {}): Clause => ({
  id,
  content: [{ type: 'text', text }],
  paragraphs: [],
  children,
  ...extra,
});

const template = (clauses: Clause[]): Template => ({
  meta: { schemaVersion: 1, id: 't', title: '合同', locale: 'zh-CN', numbering: 'zh-article' },
  fields: {},
  body: [{ type: 'clauses', clauses }],
});

const OLD = template([
  clause('general', '总则', [clause('pay', '甲方应于三十日内付款。'), clause('deliver', '乙方应按期交付。')]),
  clause('breach', '违约责任', [clause('late', '逾期付款的，承担责任。')]),
  clause('other', '其他'),
]);
const NEW = template([
  clause('general', '总则', [clause('pay', '甲方应于十五日内付款。')]),
  clause('secret', '保密'),
  clause('breach', '违约责任', [
    clause('late', '逾期付款的，承担责任。', [], { condition: { kind: 'if', field: 'x' } }),
  ]),
  clause('other', '其他'),
]);
const DIFF = diffTemplates(OLD, NEW);

describe('diffRows', () => {
  it('lists every clause in document order with its status, level and both labels', () => {
    const rows = diffRows(DIFF, { changedOnly: false, from: 1, to: 'draft' });
    expect(rows.map((r) => [r.id, r.status, r.level])).toEqual([
      ['general', 'unchanged', 1],
      ['pay', 'modified', 2],
      ['deliver', 'removed', 2],
      ['secret', 'added', 1],
      ['breach', 'renumbered', 1],
      ['late', 'modified', 2],
      ['other', 'renumbered', 1],
    ]);
    const breach = rows.find((r) => r.id === 'breach');
    expect(breach).toMatchObject({ oldLabel: '第二条', newLabel: '第三条', labelChanged: true });
    expect(rows.find((r) => r.id === 'deliver')).toMatchObject({
      oldLabel: '1-2',
      newLabel: null,
      labelChanged: false,
    });
  });

  it('drops unchanged clauses when showing changes only', () => {
    const rows = diffRows(DIFF, { changedOnly: true, from: 1, to: 'draft' });
    expect(rows.map((r) => r.id)).toEqual(['pay', 'deliver', 'secret', 'breach', 'late', 'other']);
  });

  it('carries the inline diff of a modified clause and whole text runs otherwise', () => {
    const rows = diffRows(DIFF, { changedOnly: false, from: 1, to: 'draft' });
    const pay = rows.find((r) => r.id === 'pay');
    expect(pay?.runs.filter((r) => r.op === 'delete').map((r) => r.text)).toEqual(['三十']);
    expect(pay?.runs.filter((r) => r.op === 'insert').map((r) => r.text)).toEqual(['十五']);
    expect(rows.find((r) => r.id === 'secret')?.runs).toEqual([{ op: 'insert', text: '保密' }]);
    expect(rows.find((r) => r.id === 'deliver')?.runs).toEqual([{ op: 'delete', text: '乙方应按期交付。' }]);
    expect(rows.find((r) => r.id === 'general')?.runs).toEqual([{ op: 'equal', text: '总则' }]);
  });

  it('marks a condition change with both conditions', () => {
    const late = diffRows(DIFF, { changedOnly: true, from: 1, to: 'draft' }).find((r) => r.id === 'late');
    expect(late).toMatchObject({
      conditionChanged: true,
      oldCondition: null,
      newCondition: { kind: 'if', field: 'x' },
    });
  });

  it('offers restore on modified, moved and removed clauses only, and only into the draft', () => {
    const restore = (from: 1 | 'draft', to: 2 | 'draft') =>
      Object.fromEntries(diffRows(DIFF, { changedOnly: true, from, to }).map((r) => [r.id, r.restore.kind]));
    expect(restore(1, 'draft')).toEqual({
      pay: 'enabled',
      deliver: 'enabled',
      secret: 'none',
      breach: 'none',
      late: 'enabled',
      other: 'none',
    });
    expect(restore(1, 2)).toMatchObject({ pay: 'disabled', deliver: 'disabled', secret: 'none' });
    expect(Object.values(restore('draft', 2)).every((k) => k === 'none')).toBe(true);
    const pay = diffRows(DIFF, { changedOnly: true, from: 1, to: 'draft' }).find((r) => r.id === 'pay');
    expect(pay?.restore).toEqual({ kind: 'enabled', version: 1 });
  });

  it('flags a clause that was moved and edited', () => {
    const moved = template([clause('a', 'A'), clause('b', 'B', [clause('c', '丙方付款。')])]);
    const after = template([clause('a', 'A', [clause('c', '丙方按时付款。')]), clause('b', 'B')]);
    const row = diffRows(diffTemplates(moved, after), { changedOnly: true, from: 1, to: 'draft' }).find(
      (r) => r.id === 'c',
    );
    expect(row).toMatchObject({ status: 'moved', alsoModified: true, oldLabel: '2-1', newLabel: '1-1' });
    expect(row?.restore.kind).toBe('enabled');
  });
});
