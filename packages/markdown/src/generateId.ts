import type { Inline } from '@clausewright/model';

const encoder = new TextEncoder();
// 36^8: ids are "c" plus 8 base-36 digits.
const ID_SPACE = 36 ** 8;

/**
 * A deterministic id for a clause written without one: `c` + 8 base-36 digits of a 64-bit FNV-1a hash of its
 * plain text, so loading the same file twice gives the same ids. `taken` holds every id the file already uses;
 * on a clash a numeric suffix is added (`c0k3x9a2q-2`).
 */
export function generateId(content: readonly Inline[], taken: ReadonlySet<string>): string {
  const base = `c${hash(plainText(content))}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}

function plainText(content: readonly Inline[]): string {
  let s = '';
  for (const inline of content) {
    if (inline.type === 'text') s += inline.text;
    else if (inline.type === 'field') s += `{{${inline.key}${inline.filter ? `|${inline.filter}` : ''}}}`;
    else if (inline.type === 'ref') s += `[[#${inline.target}]]`;
    else s += '\n';
  }
  return s;
}

// 64-bit FNV-1a in two 32-bit halves (prime 2^40 + 0x1b3), kept to 41 bits so the result is an exact double.
function hash(text: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (const byte of encoder.encode(text)) {
    const x = (lo ^ byte) >>> 0;
    const low = x * 0x1b3;
    const carry = Math.floor(low / 0x100000000);
    const nextHi = (Math.imul(hi, 0x1b3) + carry + ((x << 8) >>> 0)) >>> 0;
    lo = low >>> 0;
    hi = nextHi;
  }
  const top41 = hi * 512 + (lo >>> 23);
  return (top41 % ID_SPACE).toString(36).padStart(8, '0');
}
