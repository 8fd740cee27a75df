import { FormatError, showInput } from './FormatError.ts';

/** Digit glyphs 0–9 and the in-section units for ones, tens, hundreds, thousands. */
export interface Numerals {
  digits: readonly string[];
  units: readonly string[];
}

export const UPPER_NUMERALS: Numerals = {
  digits: ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
  units: ['', '拾', '佰', '仟'],
};

export const LOWER_NUMERALS: Numerals = {
  digits: ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
  units: ['', '十', '百', '千'],
};

// Reused across calls: clause numbering calls this per clause, so avoid a per-call array.
const digitBuffer = new Uint8Array(16);

/**
 * Spells a non-negative safe integer (below 10^16, i.e. up to 千万亿) in four-digit sections
 * 万/亿/万亿. A run of zeros inside the number is written as one 零, never at the end; a lone
 * zero in the 万 or 亿 place is left to the unit word (107000 → 壹拾万柒仟, as in PBOC's example).
 */
export function spellInteger(n: number, numerals: Numerals): string {
  const { digits, units } = numerals;
  if (n === 0) return digits[0] ?? '';
  let length = 0;
  for (let rest = n; rest > 0; length++) {
    const digit = rest % 10;
    digitBuffer[length] = digit;
    rest = (rest - digit) / 10;
  }
  let out = '';
  let zeros = 0;
  let sectionHasDigit = false;
  for (let place = length - 1; place >= 0; place--) {
    const digit = digitBuffer[place] ?? 0;
    const inSection = place & 3;
    if (digit === 0) {
      zeros++;
    } else {
      if (zeros > 1 || (zeros === 1 && inSection !== 3)) out += digits[0];
      zeros = 0;
      sectionHasDigit = true;
      out += (digits[digit] ?? '') + (units[inSection] ?? '');
    }
    if (inSection === 0 && place > 0) {
      // 亿 is due whenever anything above it was written (壹万亿 has an empty 亿 section);
      // 万 and 万亿 only when their own section has a digit.
      if (place === 8) out += '亿';
      else if (sectionHasDigit) out += '万';
      sectionHasDigit = false;
    }
  }
  return out;
}

function checkCount(n: number): void {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new FormatError(`not a non-negative integer: ${showInput(n)}`);
  }
  if (!Number.isSafeInteger(n)) throw new FormatError(`integer too large to spell exactly: ${showInput(n)}`);
}

/** An integer in financial capitals (大写数字): 12 → 壹拾贰, 105 → 壹佰零伍, 10010 → 壹万零壹拾. */
export function cnUpper(n: number): string {
  checkCount(n);
  return spellInteger(n, UPPER_NUMERALS);
}

/**
 * An integer in Chinese counting numerals as Word's chineseCountingThousand prints them, for
 * clause labels: 10 → 十, 11 → 十一, 110 → 一百一十, 1001 → 一千零一.
 */
export function cnLower(n: number): string {
  checkCount(n);
  // Only 10–19 drop the leading 一; in larger numbers the tens keep it (一百一十).
  if (n >= 10 && n < 20) return n === 10 ? '十' : `十${LOWER_NUMERALS.digits[n - 10] ?? ''}`;
  return spellInteger(n, LOWER_NUMERALS);
}
