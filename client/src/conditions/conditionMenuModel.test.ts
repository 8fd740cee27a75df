import type { Condition, FieldDef } from '@clausewright/model';
import { describe, expect, it } from 'vitest';
import { clauseConditionAttrs } from './clauseConditionAttrs.ts';
import { conditionMenuModel } from './conditionMenuModel.ts';
import { readClauseCondition } from './readClauseCondition.ts';

const fields: [string, FieldDef][] = [
  ['party_a', { label: '甲方', type: 'text' }],
  ['has_deposit', { label: '收取押金', type: 'boolean' }],
  ['amount', { label: '金额', type: 'money' }],
  ['pay_mode', { label: '付款方式', type: 'choice', options: ['一次性', '分期'] }],
];

describe('the clause condition menu', () => {
  it('offers only boolean fields and each option of choice fields, "if" before "unless"', () => {
    const items = conditionMenuModel(fields, null);
    expect(items.map((i) => i.condition)).toEqual([
      { kind: 'if', field: 'has_deposit' },
      { kind: 'if', field: 'pay_mode', equals: '一次性' },
      { kind: 'if', field: 'pay_mode', equals: '分期' },
      { kind: 'unless', field: 'has_deposit' },
      { kind: 'unless', field: 'pay_mode', equals: '一次性' },
      { kind: 'unless', field: 'pay_mode', equals: '分期' },
    ]);
    expect(items.every((i) => !i.checked)).toBe(true);
    expect(items[1]?.fieldLabel).toBe('付款方式');
  });

  it('offers nothing without boolean or choice fields', () => {
    expect(conditionMenuModel([['party_a', { label: '甲方', type: 'text' }]], null)).toEqual([]);
  });

  it('round-trips every menu choice through the clause attributes and checks it when read back', () => {
    for (const item of conditionMenuModel(fields, null)) {
      const attrs = clauseConditionAttrs(item.condition);
      expect(attrs[item.condition.kind === 'if' ? 'unless' : 'if']).toBeNull();
      const back = readClauseCondition(attrs);
      expect(back).toEqual(item.condition);
      const checked = conditionMenuModel(fields, back).filter((i) => i.checked);
      expect(checked.map((i) => i.condition)).toEqual([item.condition]);
    }
  });

  it('stores the Markdown attribute form and clears both attributes', () => {
    expect(clauseConditionAttrs({ kind: 'if', field: 'pay_mode', equals: '分期' })).toEqual({
      if: 'pay_mode=分期',
      unless: null,
    });
    expect(clauseConditionAttrs({ kind: 'unless', field: 'has_deposit' })).toEqual({ if: null, unless: 'has_deposit' });
    expect(clauseConditionAttrs(null)).toEqual({ if: null, unless: null });
    expect(readClauseCondition({ id: 'x', level: 1, if: null, unless: null })).toBeNull();
  });

  it('keeps an option holding "=" intact', () => {
    const condition: Condition = { kind: 'if', field: 'formula', equals: 'a=b' };
    expect(readClauseCondition(clauseConditionAttrs(condition))).toEqual(condition);
  });
});
