import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal, toCents } from './decimal.ts';
import { FormatError } from './FormatError.ts';

function refusal(run: () => unknown): FormatError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    return error as FormatError;
  }
  throw new Error('expected a FormatError, nothing was thrown');
}

describe('parseDecimal', () => {
  it('reads numbers through their decimal string', () => {
    expect(parseDecimal(1680.32)).toEqual({ negative: false, integer: '1680', fraction: '32' });
    expect(parseDecimal(12800)).toEqual({ negative: false, integer: '12800', fraction: '' });
    expect(parseDecimal(-5)).toEqual({ negative: true, integer: '5', fraction: '' });
  });

  it('reads decimal strings, normalising zeros', () => {
    expect(parseDecimal('1680.32')).toEqual({ negative: false, integer: '1680', fraction: '32' });
    expect(parseDecimal('007.100')).toEqual({ negative: false, integer: '7', fraction: '1' });
    expect(parseDecimal('-0.00')).toEqual({ negative: false, integer: '0', fraction: '' });
  });

  it('expands exponent forms of numbers', () => {
    expect(parseDecimal(1e21)).toEqual({ negative: false, integer: `1${'0'.repeat(21)}`, fraction: '' });
    expect(parseDecimal(1.5e-7)).toEqual({ negative: false, integer: '0', fraction: '00000015' });
    expect(parseDecimal(-1e-7)).toEqual({ negative: true, integer: '0', fraction: '0000001' });
    expect(parseDecimal(1.2345e25)).toEqual({ negative: false, integer: `12345${'0'.repeat(21)}`, fraction: '' });
  });

  it('treats -0 as zero', () => {
    expect(parseDecimal(-0)).toEqual({ negative: false, integer: '0', fraction: '' });
  });

  it.each([
    ['abc', 'not a number: "abc"'],
    ['', 'not a number: ""'],
    [' 12', 'not a number: " 12"'],
    ['12 ', 'not a number: "12 "'],
    ['12,800', 'not a number: "12,800"'],
    ['¥12', 'not a number: "¥12"'],
    ['1e5', 'not a number: "1e5"'],
    ['+5', 'not a number: "+5"'],
    ['.5', 'not a number: ".5"'],
    ['5.', 'not a number: "5."'],
    ['١٢', 'not a number: "١٢"'],
  ])('refuses the string %j', (input, message) => {
    expect(refusal(() => parseDecimal(input)).message).toBe(message);
  });

  it.each([
    [Number.NaN, 'not a finite number: NaN'],
    [Number.POSITIVE_INFINITY, 'not a finite number: Infinity'],
    [Number.NEGATIVE_INFINITY, 'not a finite number: -Infinity'],
  ])('refuses %s', (input, message) => {
    expect(refusal(() => parseDecimal(input)).message).toBe(message);
  });

  it('refuses values that are neither numbers nor strings', () => {
    expect(refusal(() => parseDecimal(true as unknown as number)).message).toBe('not a number: true');
    expect(refusal(() => parseDecimal(null as unknown as number)).message).toBe('not a number: null');
  });

  it('is exact: reading the digits back gives the same number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const { negative, integer, fraction } = parseDecimal(x);
        expect(Number(`${negative ? '-' : ''}${integer}.${fraction || '0'}`)).toBe(x === 0 ? 0 : x);
      }),
    );
  });
});

describe('toCents', () => {
  it.each([
    [0.005, 1n],
    [1409.5, 140950n],
    [2.675, 268n],
    [1.005, 101n],
    [0.004, 0n],
    [0.0049999, 0n],
    [12800, 1280000n],
    ['1680.32', 168032n],
    ['0.125', 13n],
    ['0.135', 14n],
    [-0.005, -1n],
    [-2.675, -268n],
    [-0.004, 0n],
    ['99999999999999999999.999', 10000000000000000000000n],
    [1e21, 100000000000000000000000n],
    [5e-324, 0n],
  ])('%j → %s', (input, cents) => {
    expect(toCents(input)).toBe(cents);
  });

  it('rounds half away from zero on the third decimal, whatever follows', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.bigInt({ min: 0n, max: 10n ** 18n }),
        fc.integer({ min: 0, max: 9 }),
        fc.stringMatching(/^\d{0,6}$/),
        (negative, cents, third, tail) => {
          const whole = cents.toString().padStart(3, '0');
          const text = `${negative ? '-' : ''}${whole.slice(0, -2)}.${whole.slice(-2)}${third}${tail}`;
          const magnitude = cents + (third >= 5 ? 1n : 0n);
          expect(toCents(text)).toBe(negative ? -magnitude : magnitude);
        },
      ),
    );
  });

  it('refuses what parseDecimal refuses', () => {
    expect(refusal(() => toCents('12,800')).message).toBe('not a number: "12,800"');
  });
});
