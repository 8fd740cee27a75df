import type { Inline } from '@clausewright/model';
import { characterReference, escapeIdentifier, escapeText } from './escapeText.ts';
import { BOLD, ITALIC, markBits, STRIKE } from './marks.ts';

export interface WriteInlinesOptions {
  /** How a hard break is written: `\` + newline + continuation indent, or `<br>` where a line cannot break. */
  lineBreak: string;
  /** The inlines start a line (paragraphs, clauses), where block syntax must be escaped. */
  lineStart?: boolean;
  heading?: boolean;
  /** In table cells `|` is escaped even inside `{{key\|filter}}`. */
  cell?: boolean;
}

// Character classes as CommonMark's flanking rules see them.
const OTHER = 0;
const SPACE = 1;
const PUNCTUATION = 2;
const WHITESPACE = /\s/;
const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;

const DELIMITER: Record<number, string> = { [BOLD]: '**', [ITALIC]: '*', [STRIKE]: '~~' };

interface Unit {
  /** Text is escaped when written (and may have its first or last character encoded); an atom is final. */
  kind: 'text' | 'atom';
  value: string;
  marks: number;
  left: number;
  right: number;
  lineStart: boolean;
  afterRef: boolean;
  encodeFirst: boolean;
  encodeLast: boolean;
}

/** A run of delimiters of one kind (`*` or `~`) at a mark boundary, which Markdown reads as one. */
interface DelimiterRun {
  text: string;
  opens: boolean;
  closes: boolean;
}

/**
 * Writes normalized inlines as Markdown. Marks become `**`, `*` and `~~`; where CommonMark's flanking rules would
 * not let a delimiter open or close (a bold run starting with a space, `**“引号”**后面`), the character beside it
 * is written as a character reference (`&#x540E;`), which Markdown reads as punctuation and decodes back.
 */
export function writeInlines(inlines: readonly Inline[], options: WriteInlinesOptions): string {
  const units = toUnits(inlines, options);
  if (!units.some((u) => u.marks)) return units.map((u) => render(u, options)).join('');
  const boundaries = planDelimiters(units);
  encodeForFlanking(units, boundaries);
  let out = '';
  units.forEach((unit, u) => {
    for (const run of boundaries[u] as DelimiterRun[]) out += run.text;
    out += render(unit, options);
  });
  for (const run of boundaries[units.length] as DelimiterRun[]) out += run.text;
  return out;
}

/**
 * The delimiters before each unit (and after the last): marks close innermost first, and a mark that starts opens
 * outside the others when it runs longer, so it need not be closed and reopened.
 */
function planDelimiters(units: Unit[]): DelimiterRun[][] {
  const runs = runLengths(units);
  const boundaries: DelimiterRun[][] = [];
  const stack: number[] = [];
  for (let u = 0; u <= units.length; u++) {
    const marks = units[u]?.marks ?? 0;
    let keep = 0;
    while (keep < stack.length && marks & (stack[keep] as number)) keep++;
    const tokens: { bit: number; close: boolean }[] = [];
    for (let s = stack.length - 1; s >= keep; s--) tokens.push({ bit: stack[s] as number, close: true });
    stack.length = keep;
    const opening = [BOLD, ITALIC, STRIKE]
      .filter((bit) => marks & bit && !stack.includes(bit))
      .sort((a, b) => (runs[u]?.[b] ?? 0) - (runs[u]?.[a] ?? 0) || a - b);
    for (const bit of opening) {
      tokens.push({ bit, close: false });
      stack.push(bit);
    }
    boundaries.push(delimiterRuns(tokens));
  }
  return boundaries;
}

/**
 * Encodes characters beside delimiters until every run that must open is left-flanking and every run that must
 * close is right-flanking. Encoding only ever turns a neighbour into punctuation, so this settles.
 */
function encodeForFlanking(units: Unit[], boundaries: DelimiterRun[][]): void {
  const n = units.length;
  for (let changed = true; changed; ) {
    changed = false;
    for (let u = 0; u <= n; u++) {
      const group = boundaries[u] as DelimiterRun[];
      for (let g = 0; g < group.length; g++) {
        const run = group[g] as DelimiterRun;
        const before = g > 0 ? PUNCTUATION : u > 0 ? rightClass(units[u - 1] as Unit) : SPACE;
        const after = g < group.length - 1 ? PUNCTUATION : u < n ? leftClass(units[u] as Unit) : SPACE;
        if (run.opens && !leftFlanking(before, after)) {
          changed = (after === SPACE ? encode(units[u], 'first') : encode(units[u - 1], 'last')) || changed;
        }
        if (run.closes && !rightFlanking(before, after)) {
          changed = (before === SPACE ? encode(units[u - 1], 'last') : encode(units[u], 'first')) || changed;
        }
      }
    }
  }
}

function toUnits(inlines: readonly Inline[], options: WriteInlinesOptions): Unit[] {
  const units: Unit[] = [];
  let lineStart = options.lineStart ?? false;
  let afterRef = false;
  const atom = (value: string, marks: number, right = PUNCTUATION): Unit => ({
    kind: 'atom',
    value,
    marks,
    left: PUNCTUATION,
    right,
    lineStart: false,
    afterRef: false,
    encodeFirst: false,
    encodeLast: false,
  });
  for (const inline of inlines) {
    const marks = inline.type === 'break' ? 0 : markBits(inline.marks);
    switch (inline.type) {
      case 'text':
        units.push({
          kind: 'text',
          value: inline.text,
          marks,
          left: classify(inline.text.charCodeAt(0)),
          right: classify(inline.text.charCodeAt(inline.text.length - 1)),
          lineStart,
          afterRef,
          encodeFirst: false,
          encodeLast: false,
        });
        break;
      case 'field': {
        const filter =
          inline.filter === undefined ? '' : `${options.cell ? '\\|' : '|'}${escapeIdentifier(inline.filter)}`;
        units.push(atom(`{{${escapeIdentifier(inline.key)}${filter}}}`, marks));
        break;
      }
      case 'ref':
        units.push(atom(`[[#${escapeIdentifier(inline.target)}]]`, marks));
        break;
      case 'break': {
        const newline = options.lineBreak.includes('\n');
        units.push(atom(options.lineBreak, 0, newline ? SPACE : PUNCTUATION));
        lineStart = newline;
        afterRef = false;
        continue;
      }
    }
    lineStart = false;
    afterRef = inline.type === 'ref';
  }
  return units;
}

function render(unit: Unit, options: WriteInlinesOptions): string {
  if (unit.kind === 'atom') return unit.value;
  const text = unit.value;
  let from = 0;
  let to = text.length;
  let head = '';
  let tail = '';
  if (unit.encodeFirst) {
    const code = text.codePointAt(0) ?? 0;
    head = characterReference(code);
    from = code > 0xffff ? 2 : 1;
  }
  if (unit.encodeLast && to > from) {
    const code = lastCodePoint(text) ?? 0;
    tail = characterReference(code);
    to -= code > 0xffff ? 2 : 1;
  }
  const escaped = escapeText(text.slice(from, to), {
    lineStart: unit.lineStart && from === 0,
    afterRef: unit.afterRef && from === 0,
    heading: options.heading ?? false,
  });
  return head + escaped + tail;
}

/** For each unit, how many units from it on carry each mark bit. */
function runLengths(units: Unit[]): Record<number, number>[] {
  const runs: Record<number, number>[] = new Array(units.length + 1);
  runs[units.length] = {};
  for (let u = units.length - 1; u >= 0; u--) {
    const marks = (units[u] as Unit).marks;
    const next = runs[u + 1] as Record<number, number>;
    runs[u] = {
      [BOLD]: marks & BOLD ? (next[BOLD] ?? 0) + 1 : 0,
      [ITALIC]: marks & ITALIC ? (next[ITALIC] ?? 0) + 1 : 0,
      [STRIKE]: marks & STRIKE ? (next[STRIKE] ?? 0) + 1 : 0,
    };
  }
  return runs;
}

function delimiterRuns(tokens: { bit: number; close: boolean }[]): DelimiterRun[] {
  const runs: DelimiterRun[] = [];
  let family = '';
  for (const { bit, close } of tokens) {
    const delimiter = DELIMITER[bit] as string;
    const last = runs[runs.length - 1];
    if (last && delimiter[0] === family) {
      last.text += delimiter;
      if (close) last.closes = true;
      else last.opens = true;
    } else {
      runs.push({ text: delimiter, opens: !close, closes: close });
      family = delimiter[0] as string;
    }
  }
  return runs;
}

function encode(unit: Unit | undefined, side: 'first' | 'last'): boolean {
  if (unit?.kind !== 'text') return false;
  const { encodeFirst, encodeLast } = unit;
  // A one-character run has one character to encode, seen from both sides.
  const single = unit.value.length === 1 || (unit.value.length === 2 && (unit.value.codePointAt(0) ?? 0) > 0xffff);
  if (side === 'first' || single) unit.encodeFirst = true;
  if (side === 'last' || single) unit.encodeLast = true;
  return unit.encodeFirst !== encodeFirst || unit.encodeLast !== encodeLast;
}

function leftClass(unit: Unit): number {
  return unit.encodeFirst ? PUNCTUATION : unit.left;
}

function rightClass(unit: Unit): number {
  return unit.encodeLast ? PUNCTUATION : unit.right;
}

function leftFlanking(before: number, after: number): boolean {
  return after !== SPACE && (after !== PUNCTUATION || before !== OTHER);
}

function rightFlanking(before: number, after: number): boolean {
  return before !== SPACE && (before !== PUNCTUATION || after !== OTHER);
}

// By UTF-16 unit, as micromark does: an emoji's surrogate halves count as neither space nor punctuation.
function classify(unit: number): number {
  if (Number.isNaN(unit)) return SPACE;
  const c = String.fromCharCode(unit);
  if (WHITESPACE.test(c)) return SPACE;
  return UNICODE_PUNCTUATION.test(c) ? PUNCTUATION : OTHER;
}

function lastCodePoint(text: string): number | undefined {
  if (text.length === 0) return undefined;
  const last = text.charCodeAt(text.length - 1);
  if (last >= 0xdc00 && last <= 0xdfff && text.length > 1) return text.codePointAt(text.length - 2);
  return last;
}
