import { type FieldDef, resolveTemplate, type Template } from '@clausewright/model';
import { describe, expect, it } from 'vitest';
import { fieldMessage, problemsByField } from './fieldProblems.ts';

const fields: Record<string, FieldDef> = {
  amount: { label: '合同金额', type: 'money', required: true },
  days: { label: '天数', type: 'integer' },
  party: { label: '甲方', type: 'text', required: true },
};
const template: Template = {
  meta: { schemaVersion: 1, id: 't', title: 'T', locale: 'zh-CN', numbering: 'zh-article' },
  fields,
  body: [
    {
      type: 'paragraph',
      content: [
        { type: 'field', key: 'amount' },
        { type: 'field', key: 'days' },
        { type: 'field', key: 'party' },
      ],
    },
  ],
};

describe('the validator messages shown beside the inputs', () => {
  // The same resolveTemplate (and so validateValues) the CLI and the server run: the messages are theirs.
  const { problems } = resolveTemplate(template, { amount: '12,800', days: '3.5' }, { mode: 'strict' });
  const byField = problemsByField(problems);

  it('groups every problem under the field it names', () => {
    expect([...byField.keys()].toSorted()).toEqual(['amount', 'days', 'party']);
  });

  it('drops the field name the label already shows, keeping the rest of the message word for word', () => {
    const amount = byField.get('amount')?.[0];
    expect(amount?.message).toBe(
      'field "amount" (合同金额) expected an amount like 12800 or "1680.32" (no separators or currency signs), got "12,800"',
    );
    expect(amount && fieldMessage(amount, fields)).toBe(
      'expected an amount like 12800 or "1680.32" (no separators or currency signs), got "12,800"',
    );
    const days = byField.get('days')?.[0];
    expect(days && fieldMessage(days, fields)).toBe('expected a whole number, got "3.5"');
    const party = byField.get('party')?.[0];
    expect(party && fieldMessage(party, fields)).toBe('is required');
  });

  it('leaves a message that does not start with the field name as it is', () => {
    expect(fieldMessage({ code: 'unknown-field', field: 'x', message: 'unknown field "x"' }, fields)).toBe(
      'unknown field "x"',
    );
    expect(fieldMessage({ code: 'broken-ref', message: 'reference to unknown clause "#a"' }, fields)).toBe(
      'reference to unknown clause "#a"',
    );
  });
});
