import { spellInteger, UPPER_NUMERALS } from './cnCounting.ts';
import { decimalToCents, parseDecimal } from './decimal.ts';
import { FormatError, showInput } from './FormatError.ts';

/** 9,999,999,999,999.99 — the 万亿 range. */
const MAX_CENTS = 999_999_999_999_999n;

/**
 * 人民币大写 per PBOC 《支付结算办法》, rounded half-up to the cent first:
 * 1409.50 → 壹仟肆佰零玖元伍角, 325.04 → 叁佰贰拾伍元零肆分, 12800 → 壹万贰仟捌佰元整.
 * Refuses negatives and amounts above 9,999,999,999,999.99.
 */
export function rmbUpper(value: number | string): string {
  const decimal = parseDecimal(value);
  if (decimal.negative) throw new FormatError(`negative amount: ${showInput(value)}`);
  const cents = decimalToCents(decimal);
  if (cents > MAX_CENTS) {
    throw new FormatError(`amount above 9,999,999,999,999.99 for 人民币大写: ${showInput(value)}`);
  }
  const yuan = Number(cents / 100n);
  const jiao = Number((cents / 10n) % 10n);
  const fen = Number(cents % 10n);
  const { digits } = UPPER_NUMERALS;

  if (jiao === 0 && fen === 0) return `${spellInteger(yuan, UPPER_NUMERALS)}元整`;
  let out = yuan === 0 ? '' : `${spellInteger(yuan, UPPER_NUMERALS)}元`;
  if (jiao !== 0) {
    // Like 万, a lone zero in the 元 place is carried by 元 (1680.32 → 捌拾元叁角, PBOC's
    // example); a longer run of zeros ending there gets its 零 (100.1 → 壹佰元零壹角).
    if (yuan !== 0 && yuan % 100 === 0) out += digits[0];
    out += `${digits[jiao]}角`;
  } else if (yuan !== 0) {
    out += digits[0];
  }
  if (fen !== 0) out += `${digits[fen]}分`;
  return out;
}
