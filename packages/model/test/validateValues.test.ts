import { describe, expect, it } from 'vitest';
import type { FieldDef } from '../src/index.ts';
import { validateValues } from '../src/index.ts';

const fields: Record<string, FieldDef> = {
  name: { label: '甲方', type: 'text' },
  notes: { label: '备注', type: 'multiline' },
  years: { label: '年限', type: 'integer' },
  rate: { label: '利率', type: 'number' },
  amount: { label: '金额', type: 'money' },
  start: { label: '开始', type: 'date' },
  deposit: { label: '定金', type: 'boolean' },
  mode: { label: '方式', type: 'choice', options: ['一次性', '分期'] },
  city: { label: '城市', type: 'text', default: '郑州' },
};

function problemFor(key: string, value: unknown): string | undefined {
  return validateValues(fields, { [key]: value }).problems.find((p) => p.field === key)?.message;
}

describe('validateValues', () => {
  it('accepts well-typed values and fills defaults', () => {
    const { values, problems } = validateValues(fields, {
      name: '某某公司',
      notes: 'a\r\nb',
      years: 3,
      rate: 0.5,
      amount: '1680.32',
      start: '2024-02-29',
      deposit: false,
      mode: '分期',
    });
    expect(problems).toEqual([]);
    expect(values.get('notes')).toBe('a\nb');
    expect(values.get('amount')).toBe('1680.32');
    expect(values.get('city')).toBe('郑州');
    expect(values.get('deposit')).toBe(false);
  });

  it('accepts money as a number or a decimal string', () => {
    expect(problemFor('amount', 12800)).toBeUndefined();
    expect(problemFor('amount', '12800')).toBeUndefined();
  });

  it.each([
    ['name', 3, 'field "name" (甲方) expected text, got 3'],
    ['name', 'a\nb', 'single line'],
    ['years', 2.5, 'expected a whole number, got 2.5'],
    ['years', '3', 'expected a whole number, got "3"'],
    ['rate', Number.NaN, 'expected a number'],
    ['amount', '12,800', 'no separators'],
    ['amount', '¥100', 'got "¥100"'],
    ['amount', -1, 'must not be negative'],
    ['amount', 1e16, 'too large'],
    ['start', '2026-02-30', 'YYYY-MM-DD, got "2026-02-30"'],
    ['start', '2026/11/26', 'YYYY-MM-DD'],
    ['deposit', 'true', 'expected true or false, got "true"'],
    ['mode', '月付', 'expected one of "一次性", "分期", got "月付"'],
    ['mode', ['分期'], 'got a list'],
  ])('refuses %s = %j with a message naming the field', (key, value, message) => {
    const text = problemFor(key, value);
    expect(text).toContain(`field "${key}"`);
    expect(text).toContain(message);
  });

  it('reports unknown fields with a suggestion', () => {
    const { problems } = validateValues(fields, { amout: 1 });
    expect(problems).toEqual([
      {
        code: 'unknown-value',
        field: 'amout',
        message: 'field "amout" is not defined in this template (did you mean "amount"?)',
      },
    ]);
  });

  it('treats null and empty strings as not given', () => {
    const { values, problems } = validateValues(fields, { name: '', years: null });
    expect(problems).toEqual([]);
    expect(values.has('name')).toBe(false);
    expect(values.has('years')).toBe(false);
  });

  it('refuses a values document that is not an object', () => {
    expect(validateValues(fields, [1, 2]).problems[0]?.message).toBe('values must be a JSON object keyed by field');
  });
});
