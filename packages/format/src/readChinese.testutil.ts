// Test oracle only (not exported from the package): reads spelled numbers back so property
// tests can check the value, independently of how the formatters place their 零.

const DIGITS: Record<string, bigint> = {
  零: 0n,
  一: 1n,
  二: 2n,
  三: 3n,
  四: 4n,
  五: 5n,
  六: 6n,
  七: 7n,
  八: 8n,
  九: 9n,
  壹: 1n,
  贰: 2n,
  叁: 3n,
  肆: 4n,
  伍: 5n,
  陆: 6n,
  柒: 7n,
  捌: 8n,
  玖: 9n,
};
const UNITS: Record<string, bigint> = { 十: 10n, 百: 100n, 千: 1000n, 拾: 10n, 佰: 100n, 仟: 1000n };

/** Reads 壹万零伍 / 一百一十 / 十二 back to an integer; throws on anything malformed. */
export function readChineseInteger(text: string): bigint {
  let total = 0n;
  let section = 0n;
  let digit: bigint | undefined;
  let previous = '';
  for (const ch of text) {
    if (ch === '零' || ch === '〇') {
      if (text.length > 1 && previous === '') throw new Error(`leading 零 in ${text}`);
    } else if (ch in DIGITS) {
      if (digit !== undefined) throw new Error(`two digits in a row in ${text}`);
      digit = DIGITS[ch];
    } else if (ch in UNITS) {
      // Only a leading 十 may stand without its digit (十二).
      if (digit === undefined && previous !== '') throw new Error(`unit without digit in ${text}`);
      section += (digit ?? 1n) * (UNITS[ch] ?? 0n);
      digit = undefined;
    } else if (ch === '万') {
      section = (section + (digit ?? 0n)) * 10_000n;
      digit = undefined;
    } else if (ch === '亿') {
      total = (total + section + (digit ?? 0n)) * 100_000_000n;
      section = 0n;
      digit = undefined;
    } else {
      throw new Error(`unexpected ${ch} in ${text}`);
    }
    previous = ch;
  }
  if (text === '') throw new Error('empty numeral');
  return total + section + (digit ?? 0n);
}

function digitOf(ch: string | undefined): bigint {
  const digit = ch === undefined ? undefined : DIGITS[ch];
  if (digit === undefined) throw new Error(`not a digit: ${ch}`);
  return digit;
}

/** Reads 人民币大写 back to cents: 壹佰元零壹角 → 10010n. */
export function readRmbUpper(text: string): bigint {
  const m = /^(?:(.+)元)?(整|零)?(?:(.)角)?(?:(.)分)?$/.exec(text);
  if (m === null || text === '') throw new Error(`not 人民币大写: ${text}`);
  const [, yuan, , jiao, fen] = m;
  return (
    (yuan === undefined ? 0n : readChineseInteger(yuan)) * 100n +
    (jiao === undefined ? 0n : digitOf(jiao) * 10n) +
    (fen === undefined ? 0n : digitOf(fen))
  );
}
