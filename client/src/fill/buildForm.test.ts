import { readFileSync } from 'node:fs';
import { parseTemplate } from '@clausewright/markdown';
import { describe, expect, it } from 'vitest';
import { buildForm, controlFor } from './buildForm.ts';

const SMALL = `---
schemaVersion: 1
id: small
title: 小合同
locale: zh-CN
numbering: zh-article
fields:
  unused_note:
    label: 备注
    type: multiline
  amount:
    label: 金额
    type: money
    required: true
    help: 不含千分位
  party_a:
    label: 甲方
    type: text
    required: true
  sign_date:
    label: 签订日期
    type: date
  has_deposit:
    label: 有预付款
    type: boolean
    default: true
  deposit:
    label: 预付款
    type: money
---

# 合同

甲方：{{party_a}}

1. 价款为{{amount}}元，大写{{amount|rmb_upper}}。 {#price}
   1. 甲方先付预付款{{deposit}}元。 {#deposit if=has_deposit}
1. 甲方{{party_a}}应按时付款。 {#pay}

| 甲方 | 日期 |
| --- | --- |
| {{party_a}} | {{sign_date}} |
`;

function seed(id: string) {
  return parseTemplate(readFileSync(new URL(`../../../templates/${id}/template.md`, import.meta.url), 'utf8'));
}

describe('buildForm', () => {
  const groups = buildForm(parseTemplate(SMALL));

  it('orders fields by first appearance, grouped by front matter, top-level clause, closing part, then unused', () => {
    expect(groups.map((g) => [g.id, g.kind, g.fields.map((f) => f.key)])).toEqual([
      ['front', 'front', ['party_a']],
      ['price', 'clause', ['amount', 'has_deposit', 'deposit']],
      ['end', 'end', ['sign_date']],
      ['unused', 'unused', ['unused_note']],
    ]);
  });

  it('names a clause group by its label and the start of its text, fields by their labels', () => {
    expect(groups[1]).toMatchObject({ label: '第一条', title: '价款为〔金额〕元，大写〔金额〕。' });
  });

  it('leaves out groups with no new field (第二条 only repeats 甲方)', () => {
    expect(groups.some((g) => g.id === 'pay')).toBe(false);
  });

  it('carries each definition, its control and the required mark', () => {
    const amount = groups[1]?.fields[0];
    expect(amount).toMatchObject({ key: 'amount', control: 'money', required: true, def: { help: '不含千分位' } });
    expect(groups[1]?.fields[1]).toMatchObject({ key: 'has_deposit', control: 'switch', required: false });
    expect(groups[3]?.fields[0]?.control).toBe('textarea');
  });

  it('lists every field of the seed contract exactly once', () => {
    const template = seed('wechat-miniprogram-service');
    const keys = buildForm(template).flatMap((g) => g.fields.map((f) => f.key));
    expect(keys.toSorted()).toEqual(Object.keys(template.fields).toSorted());
    expect(keys[0]).toBe('contract_no');
  });

  it('puts a field read only by a condition where that clause is (deliver_source in 源代码交付)', () => {
    const template = seed('software-development-contract');
    const group = buildForm(template).find((g) => g.fields.some((f) => f.key === 'deliver_source'));
    expect(group?.id).toBe('source-code');
  });
});

describe('controlFor', () => {
  it('gives each field type its input', () => {
    expect(controlFor({ label: 'x', type: 'text' })).toBe('text');
    expect(controlFor({ label: 'x', type: 'multiline' })).toBe('textarea');
    expect(controlFor({ label: 'x', type: 'integer' })).toBe('integer');
    expect(controlFor({ label: 'x', type: 'number' })).toBe('number');
    expect(controlFor({ label: 'x', type: 'money' })).toBe('money');
    expect(controlFor({ label: 'x', type: 'date' })).toBe('date');
    expect(controlFor({ label: 'x', type: 'boolean' })).toBe('switch');
  });

  it('shows up to three choices as radios and more as a select', () => {
    expect(controlFor({ label: 'x', type: 'choice', options: ['a', 'b', 'c'] })).toBe('radios');
    expect(controlFor({ label: 'x', type: 'choice', options: ['a', 'b', 'c', 'd'] })).toBe('select');
  });
});
