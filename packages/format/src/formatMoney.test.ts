import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCents } from './decimal.ts';
import { FormatError } from './FormatError.ts';
import { formatMoney } from './formatMoney.ts';

describe('formatMoney', () => {
  it.each([
    [12800, '12,800.00'],
    [1680.32, '1,680.32'],
    [0.5, '0.50'],
    [1234567.891, '1,234,567.89'],
    [-5, '-5.00'],
    ['1680.32', '1,680.32'],
    [0, '0.00'],
    [999.995, '1,000.00'],
    [100, '100.00'],
    [1000, '1,000.00'],
    [123456, '123,456.00'],
    [1.005, '1.01'],
    [-0.001, '0.00'],
    [-1234.567, '-1,234.57'],
    [1e21, '1,000,000,000,000,000,000,000.00'],
  ])('%j → %s', (input, expected) => {
    expect(formatMoney(input)).toBe(expected);
  });

  it('refuses bad input with a FormatError naming it', () => {
    expect(() => formatMoney('abc')).toThrow(FormatError);
    expect(() => formatMoney('abc')).toThrow('not a number: "abc"');
    expect(() => formatMoney(Number.NaN)).toThrow('not a finite number: NaN');
  });

  const decimalString = fc
    .tuple(fc.boolean(), fc.stringMatching(/^\d{1,20}$/), fc.option(fc.stringMatching(/^\d{1,8}$/)))
    .map(
      ([negative, integer, fraction]) => `${negative ? '-' : ''}${integer}${fraction === null ? '' : `.${fraction}`}`,
    );
  const amount = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), decimalString);

  it('keeps the value: toCents(formatMoney(x) without commas) = toCents(x)', () => {
    fc.assert(
      fc.property(amount, (x) => {
        expect(toCents(formatMoney(x).replaceAll(',', ''))).toBe(toCents(x));
      }),
    );
  });

  it('always groups by three and prints two decimals', () => {
    fc.assert(
      fc.property(amount, (x) => {
        expect(formatMoney(x)).toMatch(/^-?\d{1,3}(,\d{3})*\.\d{2}$/);
      }),
    );
  });
});
