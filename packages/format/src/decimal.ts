import { FormatError, showInput } from './FormatError.ts';

/**
 * An exact decimal: `integer` has no leading zeros (`"0"` for zero), `fraction` has no trailing
 * zeros (`""` when whole). Zero is never negative.
 */
export interface Decimal {
  negative: boolean;
  integer: string;
  fraction: string;
}

const DECIMAL_STRING = /^(-?)(\d+)(?:\.(\d+))?$/;
// String(n) for a finite number: digits with an optional point, optionally followed by an exponent.
const NUMBER_STRING = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * Reads a money value exactly: a finite number (via its shortest round-trip string, never its
 * binary value) or a plain decimal string like `"1680.32"` — no separators, signs other than a
 * leading `-`, exponents or whitespace.
 */
export function parseDecimal(value: number | string): Decimal {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new FormatError(`not a finite number: ${showInput(value)}`);
    const m = NUMBER_STRING.exec(String(value));
    if (m === null) throw new FormatError(`not a number: ${showInput(value)}`);
    return normalize(m[1] === '-', m[2] ?? '', m[3] ?? '', Number(m[4] ?? '0'));
  }
  if (typeof value === 'string') {
    const m = DECIMAL_STRING.exec(value);
    if (m === null) throw new FormatError(`not a number: ${showInput(value)}`);
    return normalize(m[1] === '-', m[2] ?? '', m[3] ?? '', 0);
  }
  // Values files are untyped JSON/YAML, so callers may hand over anything.
  throw new FormatError(`not a number: ${showInput(value)}`);
}

function normalize(negative: boolean, intDigits: string, fracDigits: string, exponent: number): Decimal {
  let digits = intDigits + fracDigits;
  let point = intDigits.length + exponent;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  } else if (point > digits.length) {
    digits = digits.padEnd(point, '0');
  }
  const integer = digits.slice(0, point).replace(/^0+/, '') || '0';
  const fraction = digits.slice(point).replace(/0+$/, '');
  return { negative: negative && (integer !== '0' || fraction !== ''), integer, fraction };
}

/** Rounds an exact decimal half away from zero to whole cents. */
export function decimalToCents(d: Decimal): bigint {
  const fraction = d.fraction.padEnd(3, '0');
  let cents = BigInt(d.integer + fraction.slice(0, 2));
  // Only the third decimal decides half-up: anything from .xx5 on is at least half a cent.
  if (fraction.charCodeAt(2) >= 53) cents += 1n;
  return d.negative ? -cents : cents;
}

/** The value in cents, rounded half away from zero (0.005 → 1n, 2.675 → 268n); never truncates. */
export function toCents(value: number | string): bigint {
  return decimalToCents(parseDecimal(value));
}
