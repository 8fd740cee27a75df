import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cnLower, cnUpper } from './cnCounting.ts';
import { FormatError } from './FormatError.ts';
import { readChineseInteger } from './readChinese.testutil.ts';

describe('cnUpper', () => {
  it.each([
    [3, '叁'],
    [12, '壹拾贰'],
    [10, '壹拾'],
    [0, '零'],
    [105, '壹佰零伍'],
    [1000, '壹仟'],
    [10010, '壹万零壹拾'],
    [107000, '壹拾万柒仟'],
    [100000000, '壹亿'],
    [Number.MAX_SAFE_INTEGER, '玖仟零柒万壹仟玖佰玖拾贰亿伍仟肆佰柒拾肆万零玖佰玖拾壹'],
  ])('%d → %s', (n, expected) => {
    expect(cnUpper(n)).toBe(expected);
  });

  it.each([
    [1.5, 'not a non-negative integer: 1.5'],
    [-1, 'not a non-negative integer: -1'],
    [Number.NaN, 'not a non-negative integer: NaN'],
    [Number.POSITIVE_INFINITY, 'not a non-negative integer: Infinity'],
    [1e16, 'integer too large to spell exactly: 10000000000000000'],
    ['12' as unknown as number, 'not a non-negative integer: "12"'],
  ])('refuses %j', (n, message) => {
    expect(() => cnUpper(n)).toThrow(FormatError);
    expect(() => cnUpper(n)).toThrow(message);
  });

  it('spells every safe integer readably, with no doubled or trailing 零', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        const text = cnUpper(n);
        expect(readChineseInteger(text)).toBe(BigInt(n));
        expect(text).not.toContain('零零');
        if (n !== 0) expect(text.endsWith('零')).toBe(false);
      }),
    );
  });
});

describe('cnLower', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [12, '十二'],
    [20, '二十'],
    [21, '二十一'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [111, '一百一十一'],
    [1000, '一千'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [10000, '一万'],
    [0, '零'],
    [19, '十九'],
    [119, '一百一十九'],
  ])('%d → %s', (n, expected) => {
    expect(cnLower(n)).toBe(expected);
  });

  it.each([
    [2.5, 'not a non-negative integer: 2.5'],
    [-3, 'not a non-negative integer: -3'],
    [Number.NaN, 'not a non-negative integer: NaN'],
    [Number.NEGATIVE_INFINITY, 'not a non-negative integer: -Infinity'],
  ])('refuses %j', (n, message) => {
    expect(() => cnLower(n)).toThrow(FormatError);
    expect(() => cnLower(n)).toThrow(message);
  });

  it('spells every safe integer readably, with no doubled or trailing 零', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        const text = cnLower(n);
        expect(readChineseInteger(text)).toBe(BigInt(n));
        expect(text).not.toContain('零零');
        if (n !== 0) expect(text.endsWith('零')).toBe(false);
      }),
    );
  });

  it('is the digit-for-digit lower-case twin of cnUpper outside 10–19', () => {
    const upper = '零壹贰叁肆伍陆柒捌玖拾佰仟';
    const lower = '零一二三四五六七八九十百千';
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        fc.pre(n < 10 || n >= 20);
        const translated = [...cnUpper(n)].map((ch) => {
          const at = upper.indexOf(ch);
          return at < 0 ? ch : lower[at];
        });
        expect(cnLower(n)).toBe(translated.join(''));
      }),
    );
  });

  it('numbers 1,000 clauses in well under a millisecond', () => {
    const run = (): number => {
      const start = performance.now();
      let length = 0;
      for (let n = 1; n <= 1000; n++) length += `第${cnLower(n)}条`.length;
      expect(length).toBeGreaterThan(0);
      return performance.now() - start;
    };
    for (let i = 0; i < 20; i++) run();
    // Best of several runs: the bound is about the code, not about a busy CI machine.
    const best = Math.min(...Array.from({ length: 20 }, run));
    expect(best).toBeLessThan(1);
  });
});
