import type { FieldDef } from '@clausewright/model';
import { describe, expect, it } from 'vitest';
import { applyFieldPatch } from './applyFieldPatch.ts';
import { checkFieldDef } from './checkFieldDef.ts';
import { filtersForType } from './filtersForType.ts';
import { issuesByField } from './issuesByField.ts';
import { matchFields } from './matchFields.ts';
import { newFieldDef } from './newFieldDef.ts';
import { splitOptions } from './splitOptions.ts';

describe('filtersForType', () => {
  it('offers only the filters of the model registry that apply to the type', () => {
    expect(filtersForType('money')).toEqual(['money', 'rmb_upper']);
    expect(filtersForType('integer')).toEqual(['money', 'rmb_upper', 'cn_upper', 'cn_lower']);
    expect(filtersForType('date')).toEqual(['date_cn', 'date_en']);
    expect(filtersForType('text')).toEqual([]);
    expect(filtersForType('choice')).toEqual([]);
    expect(filtersForType(undefined)).toEqual([]);
  });
});

describe('matchFields', () => {
  const fields: [string, FieldDef][] = [
    ['party_a', { label: '甲方名称', type: 'text' }],
    ['contract_no', { label: '合同编号', type: 'text' }],
    ['amount', { label: '合同金额', type: 'money' }],
  ];
  const keys = (query: string) =>
    matchFields(fields, query).map((i) => (i.kind === 'field' ? i.key : `new:${i.query}`));

  it('lists every field then "new field" for an empty query', () => {
    expect(keys('')).toEqual(['party_a', 'contract_no', 'amount', 'new:']);
  });

  it('narrows by key or label, case-insensitive, prefix matches first', () => {
    expect(keys('CONTRACT')).toEqual(['contract_no', 'new:CONTRACT']);
    expect(keys('合同')).toEqual(['contract_no', 'amount', 'new:合同']);
    expect(keys('金额')).toEqual(['amount', 'new:金额']);
    expect(keys('a')).toEqual(['amount', 'party_a', 'contract_no', 'new:a']);
  });

  it('keeps only "new field" when nothing matches, carrying the query', () => {
    expect(matchFields(fields, 'zzz')).toEqual([{ kind: 'new', query: 'zzz' }]);
  });
});

describe('field definition edits', () => {
  const money: FieldDef = { label: '金额', type: 'money', currency: 'CNY', default: '100.00' };

  it('renames and marks required without touching the rest', () => {
    expect(applyFieldPatch(money, { label: '合同金额', required: true })).toEqual({
      ...money,
      label: '合同金额',
      required: true,
    });
    expect(applyFieldPatch({ ...money, required: true }, { required: false })).toEqual(money);
  });

  it('drops what only fitted the old type when the type changes', () => {
    expect(applyFieldPatch(money, { type: 'text' })).toEqual({ label: '金额', type: 'text' });
    const choice: FieldDef = { label: '方式', type: 'choice', options: ['A', 'B'] };
    expect(applyFieldPatch(choice, { type: 'boolean' })).toEqual({ label: '方式', type: 'boolean' });
  });

  it('needs options once a field becomes a choice, by the model rules', () => {
    const next = applyFieldPatch({ label: '方式', type: 'text' }, { type: 'choice' });
    expect(checkFieldDef('pay_mode', next).get('options')).toEqual([
      'field "pay_mode": options must list at least one choice',
    ]);
    const fixed = applyFieldPatch(next, { options: splitOptions(' 一次性 \n\n分期\n') });
    expect(fixed.options).toEqual(['一次性', '分期']);
    expect(checkFieldDef('pay_mode', fixed).size).toBe(0);
  });

  it('refuses an empty label and repeated options', () => {
    expect(checkFieldDef('amount', applyFieldPatch(money, { label: '  ' })).get('label')?.[0]).toContain(
      'label must not be empty',
    );
    const dup = checkFieldDef('m', { label: 'm', type: 'choice', options: ['a', 'a'] });
    expect(dup.get('options')?.[0]).toContain('distinct');
  });

  it('reports the issues of a stored map by field key', () => {
    const issues = issuesByField({
      ok: { label: 'OK', type: 'text' },
      bad: { label: 'Bad', type: 'colour' },
      '1x': { label: 'x', type: 'text' },
    });
    expect([...issues.keys()].sort()).toEqual(['1x', 'bad']);
    expect(issues.get('bad')?.[0]).toContain('type must be one of');
  });
});

describe('newFieldDef', () => {
  const existing = new Set(['amount']);

  it('builds a valid definition, the label defaulting to the key', () => {
    expect(newFieldDef({ key: ' buyer ', label: '', type: 'text' }, existing, 'taken')).toEqual({
      ok: true,
      key: 'buyer',
      def: { label: 'buyer', type: 'text' },
    });
    expect(
      newFieldDef({ key: 'mode', label: '方式', type: 'choice', options: ['A'] }, existing, 'taken'),
    ).toMatchObject({
      ok: true,
      def: { type: 'choice', options: ['A'] },
    });
  });

  it('refuses a taken key, a key that is not an identifier and a choice without options', () => {
    const taken = newFieldDef({ key: 'amount', label: 'x', type: 'text' }, existing, 'taken');
    expect(taken.ok ? [] : taken.issues.get('')).toEqual(['taken']);
    const badKey = newFieldDef({ key: '2nd party', label: 'x', type: 'text' }, existing, 'taken');
    expect(badKey.ok ? [] : badKey.issues.get('')?.[0]).toContain('must be letters, digits and _');
    const noOptions = newFieldDef({ key: 'mode', label: 'x', type: 'choice', options: [] }, existing, 'taken');
    expect(noOptions.ok).toBe(false);
  });
});
