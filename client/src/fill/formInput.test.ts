import type { FieldDef } from '@clausewright/model';
import { describe, expect, it } from 'vitest';
import { formInput, formValues, inputToValue, valueToInput } from './formInput.ts';

const def = (type: FieldDef['type'], extra: Partial<FieldDef> = {}): FieldDef => ({ label: type, type, ...extra });

describe('inputToValue', () => {
  it('reads a blank input as no value', () => {
    for (const type of ['text', 'multiline', 'integer', 'number', 'money', 'date', 'choice'] as const) {
      expect(inputToValue(def(type), '  ')).toBeUndefined();
      expect(inputToValue(def(type), undefined)).toBeUndefined();
    }
  });

  it('turns whole numbers and numbers into numbers', () => {
    expect(inputToValue(def('integer'), ' 3 ')).toBe(3);
    expect(inputToValue(def('number'), '2.5')).toBe(2.5);
    expect(inputToValue(def('number'), '-1e3')).toBe(-1000);
  });

  it('passes text that is not a number through, for the validator to name', () => {
    expect(inputToValue(def('integer'), '3.5')).toBe('3.5');
    expect(inputToValue(def('integer'), '三')).toBe('三');
    expect(inputToValue(def('number'), '1,5')).toBe('1,5');
  });

  it('keeps money as a decimal string without thousands separators', () => {
    expect(inputToValue(def('money'), '12800')).toBe('12800');
    expect(inputToValue(def('money'), '12,800.50')).toBe('12800.50');
    expect(inputToValue(def('money'), '1 280 000')).toBe('1280000');
    expect(inputToValue(def('money'), '12，800')).toBe('12800');
    expect(inputToValue(def('money'), '¥12')).toBe('¥12');
    expect(inputToValue(def('money'), '12,abc')).toBe('12,abc');
  });

  it('trims single-line text and keeps the lines of multiline text', () => {
    expect(inputToValue(def('text'), ' 某某公司 ')).toBe('某某公司');
    expect(inputToValue(def('multiline'), '第一行\n 第二行\n\n')).toBe('第一行\n 第二行');
  });

  it('keeps a switch as a boolean', () => {
    expect(inputToValue(def('boolean'), false)).toBe(false);
    expect(inputToValue(def('boolean'), true)).toBe(true);
    expect(inputToValue(def('text'), true)).toBeUndefined();
  });
});

describe('formValues', () => {
  it('omits blank inputs and converts the rest', () => {
    const fields = { a: def('text'), n: def('integer'), m: def('money'), b: def('boolean') };
    expect(formValues(fields, { a: '', n: '7', m: '1,000', b: false, stray: 'x' })).toEqual({
      n: 7,
      m: '1000',
      b: false,
    });
  });
});

describe('formInput', () => {
  const fields = {
    party: def('text'),
    days: def('integer', { default: 5 }),
    source: def('boolean', { default: true }),
    other: def('boolean'),
    amount: def('money'),
  };

  it('prefills defaults, leaves the rest blank and switches off', () => {
    expect(formInput(fields)).toEqual({ party: '', days: '5', source: true, other: false, amount: '' });
  });

  it('shows a saved values set over the defaults', () => {
    expect(formInput(fields, { party: '甲', days: 9, source: false, amount: '12800.5', unknown: 1 })).toEqual({
      party: '甲',
      days: '9',
      source: false,
      other: false,
      amount: '12800.5',
    });
  });

  it('round-trips values through the inputs', () => {
    const values = { party: '甲', days: 9, source: false, other: true, amount: '12800.5' };
    expect(formValues(fields, formInput(fields, values))).toEqual(values);
  });
});

describe('valueToInput', () => {
  it('shows numbers as text and ignores what an input cannot hold', () => {
    expect(valueToInput(def('integer'), 3)).toBe('3');
    expect(valueToInput(def('text'), null)).toBeUndefined();
    expect(valueToInput(def('text'), { a: 1 })).toBeUndefined();
  });
});
