/**
 * A run of text as Markdown decoded it, remembering where each character came from and which characters were
 * written escaped (`\{`, `&#123;`): escaped characters are never read as `{{`, `[[#` or `{#…}` syntax.
 */
export interface TextPiece {
  text: string;
  /** Source offset of the first character; with no `offsets`, character i sits at `start + i`. */
  start: number;
  /** Source offset of each UTF-16 unit, when escapes or line prefixes make the mapping uneven. */
  offsets: Int32Array | undefined;
  /** 1 for each UTF-16 unit that was escaped in the source. */
  literal: Uint8Array | undefined;
  /** Bit set of marks: 1 bold, 2 italic, 4 strike. */
  marks: number;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const CHARACTER_REFERENCE = /&(?:#[xX]([0-9A-Fa-f]{1,6})|#(\d{1,7})|[A-Za-z][A-Za-z0-9]{0,31});/y;

/** Source offset of character `i` of a piece. */
export function offsetAt(piece: TextPiece, i: number): number {
  if (!piece.offsets) return piece.start + i;
  if (i < piece.offsets.length) return piece.offsets[i] ?? piece.start;
  return (piece.offsets[piece.offsets.length - 1] ?? piece.start - 1) + 1;
}

/** Whether character `i` was escaped in the source, so it is plain text whatever it is. */
export function isLiteral(piece: TextPiece, i: number): boolean {
  return piece.literal !== undefined && piece.literal[i] === 1;
}

/**
 * Lines up a text node's decoded `value` with its raw source `source.slice(start, end)`. Markdown only removes
 * backslashes before ASCII punctuation, decodes character references and drops whitespace around line endings,
 * so one forward walk recovers both the offsets and the escaped characters.
 */
export function readTextNode(value: string, source: string, start: number, end: number, marks: number): TextPiece {
  if (end - start === value.length && source.startsWith(value, start)) {
    return { text: value, start, offsets: undefined, literal: undefined, marks };
  }
  const offsets = new Int32Array(value.length);
  const literal = new Uint8Array(value.length);
  let i = start;
  let j = 0;
  while (j < value.length) {
    if (i >= end) return contiguous(value, start, marks);
    const c = source[i] as string;
    const v = value[j];
    if (c === '\\' && i + 1 < end && ASCII_PUNCTUATION.test(source[i + 1] as string) && v === source[i + 1]) {
      offsets[j] = i;
      literal[j] = 1;
      i += 2;
      j += 1;
      continue;
    }
    if (c === '&') {
      const decoded = decodeReference(source, i, end, value, j);
      if (decoded) {
        for (let k = 0; k < decoded.units; k++) {
          offsets[j + k] = i;
          literal[j + k] = 1;
        }
        i += decoded.length;
        j += decoded.units;
        continue;
      }
    }
    if (c === v) {
      offsets[j] = i;
      i += 1;
      j += 1;
      continue;
    }
    // Indentation and spaces around soft line breaks are not part of the value.
    if (c === ' ' || c === '\t') {
      i += 1;
      continue;
    }
    return contiguous(value, start, marks);
  }
  return { text: value, start, offsets, literal, marks };
}

/** Joins two adjacent pieces with the same marks into one. */
export function joinPieces(a: TextPiece, b: TextPiece): TextPiece {
  const n = a.text.length;
  const m = b.text.length;
  const offsets = new Int32Array(n + m);
  const literal = new Uint8Array(n + m);
  for (let i = 0; i < n; i++) {
    offsets[i] = offsetAt(a, i);
    literal[i] = isLiteral(a, i) ? 1 : 0;
  }
  for (let i = 0; i < m; i++) {
    offsets[n + i] = offsetAt(b, i);
    literal[n + i] = isLiteral(b, i) ? 1 : 0;
  }
  return { text: a.text + b.text, start: a.start, offsets, literal, marks: a.marks };
}

// Unexpected source shapes (never produced by the serializer) fall back to approximate offsets, no escapes.
function contiguous(value: string, start: number, marks: number): TextPiece {
  return { text: value, start, offsets: undefined, literal: undefined, marks };
}

function decodeReference(
  source: string,
  i: number,
  end: number,
  value: string,
  j: number,
): { length: number; units: number } | undefined {
  CHARACTER_REFERENCE.lastIndex = i;
  const match = CHARACTER_REFERENCE.exec(source);
  if (!match || i + match[0].length > end) return undefined;
  const length = match[0].length;
  const hex = match[1];
  const dec = match[2];
  if (hex !== undefined || dec !== undefined) {
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(dec ?? '', 10);
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    const char = valid ? String.fromCodePoint(code) : '\uFFFD';
    return value.startsWith(char, j) ? { length, units: char.length } : undefined;
  }
  // An unknown name stays as written; a known one decodes to one or two code points we cannot look up here,
  // so take as many units as it takes for the next source character to line up again.
  if (value.startsWith(match[0], j)) return undefined;
  const next = i + length < end ? source[i + length] : undefined;
  for (let units = 1; units <= 4 && j + units <= value.length; units++) {
    if (next === undefined ? j + units === value.length : value[j + units] === next) return { length, units };
  }
  return { length, units: 1 };
}
