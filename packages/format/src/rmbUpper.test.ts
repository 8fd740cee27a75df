import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError } from './FormatError.ts';
import { readRmbUpper } from './readChinese.testutil.ts';
import { rmbUpper } from './rmbUpper.ts';

const MAX_CENTS = 999_999_999_999_999n;

function centsToString(cents: bigint): string {
  const digits = cents.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

describe('rmbUpper', () => {
  it.each([
    [12800, '壹万贰仟捌佰元整'],
    [1409.5, '壹仟肆佰零玖元伍角'],
    ['1409.50', '壹仟肆佰零玖元伍角'],
    [6007.14, '陆仟零柒元壹角肆分'],
    [325.04, '叁佰贰拾伍元零肆分'],
    [107000.53, '壹拾万柒仟元零伍角叁分'],
    [0, '零元整'],
    [0.5, '伍角'],
    [0.05, '伍分'],
    [10, '壹拾元整'],
    [100000000, '壹亿元整'],
    [1000010, '壹佰万零壹拾元整'],
    [1680.32, '壹仟陆佰捌拾元叁角贰分'],
    [100.1, '壹佰元零壹角'],
    [10005, '壹万零伍元整'],
    [100500, '壹拾万零伍佰元整'],
    [20000100, '贰仟万零壹佰元整'],
    [1_0000_0000_0001, '壹万亿零壹元整'],
    [1_0000_0000_0000, '壹万亿元整'],
    [1_0001_0000_0000, '壹万零壹亿元整'],
    ['9999999999999.99', '玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ])('%j → %s', (input, expected) => {
    expect(rmbUpper(input)).toBe(expected);
  });

  it.each([
    [0.55, '伍角伍分'],
    [1.05, '壹元零伍分'],
    [10.5, '壹拾元伍角'],
    [320.04, '叁佰贰拾元零肆分'],
    [1007000, '壹佰万零柒仟元整'],
    [1_1000_0000, '壹亿壹仟万元整'],
    [10_1000_0000, '壹拾亿壹仟万元整'],
    [1_0000_1000, '壹亿零壹仟元整'],
  ])('places 零 consistently: %j → %s', (input, expected) => {
    expect(rmbUpper(input)).toBe(expected);
  });

  it.each([
    [0.004, '零元整'],
    [0.005, '壹分'],
    [1.005, '壹元零壹分'],
    [2.675, '贰元陆角捌分'],
    [1409.495, '壹仟肆佰零玖元伍角'],
    [9.995, '壹拾元整'],
    ['9999999999999.994', '玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ])('rounds half-up to the cent first: %j → %s', (input, expected) => {
    expect(rmbUpper(input)).toBe(expected);
  });

  it.each([
    [-5, 'negative amount: -5'],
    ['-0.01', 'negative amount: "-0.01"'],
    [-0.001, 'negative amount: -0.001'],
    ['12,800', 'not a number: "12,800"'],
    ['abc', 'not a number: "abc"'],
    ['', 'not a number: ""'],
    [' 12', 'not a number: " 12"'],
    [Number.NaN, 'not a finite number: NaN'],
    [Number.POSITIVE_INFINITY, 'not a finite number: Infinity'],
    [1e13, 'amount above 9,999,999,999,999.99 for 人民币大写: 10000000000000'],
    ['9999999999999.995', 'amount above 9,999,999,999,999.99 for 人民币大写: "9999999999999.995"'],
  ])('refuses %j', (input, message) => {
    expect(() => rmbUpper(input)).toThrow(FormatError);
    expect(() => rmbUpper(input)).toThrow(message);
  });

  const cents = fc.bigInt({ min: 0n, max: MAX_CENTS });

  it('never writes two 零 in a row nor ends on 零', () => {
    fc.assert(
      fc.property(cents, (c) => {
        const text = rmbUpper(centsToString(c));
        expect(text).not.toContain('零零');
        expect(text.endsWith('零')).toBe(false);
      }),
    );
  });

  it('spells the amount it was given (read back by an independent parser)', () => {
    fc.assert(
      fc.property(cents, (c) => {
        expect(readRmbUpper(rmbUpper(centsToString(c)))).toBe(c);
      }),
    );
  });

  it('ends in 整 exactly when there are no 角 or 分', () => {
    fc.assert(
      fc.property(cents, (c) => {
        expect(rmbUpper(centsToString(c)).endsWith('元整')).toBe(c % 100n === 0n);
      }),
    );
  });

  it('gives the same for a number and its decimal string', () => {
    fc.assert(
      fc.property(cents, (c) => {
        expect(rmbUpper(Number(c) / 100)).toBe(rmbUpper(centsToString(c)));
      }),
    );
  });
});
