import type { Condition, FieldInline, Inline, RefInline } from '@clausewright/model';
import type { PhrasingContent } from 'mdast';
import { looksLikeAttributes, parseAttributes } from './attributes.ts';
import { collectPieces } from './collectPieces.ts';
import { markNames } from './marks.ts';
import { normalizeInlines } from './normalizeInlines.ts';
import type { ParseContext } from './ParseContext.ts';
import { isLiteral, offsetAt, type TextPiece } from './TextPiece.ts';

/** A clause's attributes as found in the source, with source offsets for error positions. */
export interface FoundAttributes {
  id?: string;
  condition?: Condition;
  /** Offset of the id in `{#id}`. */
  idAt?: number;
  /** Offset of `if=` or `unless=`. */
  conditionAt?: number;
}

const NEWLINE = 10;
const STAR = 42;
const TILDE = 126;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const HASH = 35;
const FIELD = /^\s*([A-Za-z_]\w*)\s*(?:\|\s*([A-Za-z_]\w*)\s*)?$/;
// East Asian wide characters: a soft line break between two of them joins the lines without a space.
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;
const UNCLOSED_FIELD = 'unclosed "{{": write a field as {{key}} or {{key|filter}}';
const UNCLOSED_REF = 'unclosed "[[#": write a cross-reference as [[#clause-id]]';

/** Reading state within one text piece. */
interface Scan {
  ctx: ParseContext;
  piece: TextPiece;
  out: Inline[];
  /** Start of the text not yet emitted. */
  from: number;
}

/**
 * Reads Markdown phrasing content into normalized model inlines: `{{key|filter}}` fields, `[[#id]]` references,
 * marks from strong/emphasis/delete, hard breaks. With `clauseFirstLine`, attributes ending the first line are
 * taken off and returned. Problems go to the context; the inlines are returned regardless.
 */
export function readInlines(
  nodes: readonly PhrasingContent[],
  ctx: ParseContext,
  clauseFirstLine: boolean,
): { inlines: Inline[]; attributes: FoundAttributes | undefined } {
  const pieces = collectPieces(nodes, ctx);
  const out: Inline[] = [];
  let attributes: FoundAttributes | undefined;
  let onFirstLine = clauseFirstLine;
  for (let n = 0; n < pieces.length; n++) {
    const piece = pieces[n];
    if (!piece) {
      onFirstLine = false;
      out.push({ type: 'break' });
      continue;
    }
    const text = piece.text;
    const scan: Scan = { ctx, piece, out, from: 0 };
    for (let k = 0; k < text.length; k++) {
      // Escaped characters (`\{`, `&#123;`) are never syntax.
      if (isLiteral(piece, k)) continue;
      const c = text.charCodeAt(k);
      const next = isLiteral(piece, k + 1) ? -1 : text.charCodeAt(k + 1);
      if (c === NEWLINE) {
        onFirstLine = false;
      } else if ((c === STAR || c === TILDE) && next === c) {
        k = reportUnpaired(scan, k);
      } else if (c === OPEN_BRACE && next === OPEN_BRACE) {
        k = readField(scan, k);
      } else if (c === OPEN_BRACE && looksLikeAttributes(text, k)) {
        if (onFirstLine) {
          // On the same line only if nothing but a hard break (or the paragraph's end) follows this piece.
          const lastOnLine = pieces[n + 1] === undefined || pieces[n + 1] === null;
          const read = readAttributes(scan, k, lastOnLine);
          attributes = read.attributes ?? attributes;
          k = read.last;
        } else {
          problem(scan, k, "attributes ({#id}, {if=key}) belong at the end of a clause's first line");
        }
      } else if (c === OPEN_BRACKET && next === OPEN_BRACKET && text.charCodeAt(k + 2) === HASH) {
        k = readRef(scan, k);
      }
    }
    flush(scan, text.length);
  }
  return { inlines: normalizeInlines(joinSoftBreaks(out)), attributes };
}

function problem(scan: Scan, index: number, message: string): void {
  scan.ctx.problems.push({ offset: offsetAt(scan.piece, index), message });
}

function flush(scan: Scan, to: number): void {
  if (to <= scan.from) return;
  const text = scan.piece.text.slice(scan.from, to);
  const last = scan.out[scan.out.length - 1];
  const marks = scan.piece.marks ? markNames(scan.piece.marks) : undefined;
  // Fields and refs split text; what is left side by side with the same marks is one run in the model.
  if (last?.type === 'text' && String(last.marks) === String(marks)) {
    scan.out[scan.out.length - 1] = { ...last, text: last.text + text };
  } else {
    scan.out.push(marks ? { type: 'text', text, marks } : { type: 'text', text });
  }
}

// Markdown left a ** or ~~ as text: almost always bold the author meant, which CommonMark could not pair.
function reportUnpaired(scan: Scan, k: number): number {
  const text = scan.piece.text;
  const run = text.slice(k, k + 2);
  problem(
    scan,
    k,
    `unpaired "${run}": Markdown did not read it as ${run === '**' ? 'bold' : 'strikethrough'} (beside punctuation such as "}}" or "”", ${run} needs a space or punctuation on its other side); move it, or write ${run.replace(/./g, '\\$&')} for the characters themselves`,
  );
  let last = k + 1;
  while (text.charCodeAt(last + 1) === text.charCodeAt(k)) last++;
  return last;
}

/** Reads `{{key}}` or `{{ key | filter }}` at `k`; returns the index of the last character consumed. */
function readField(scan: Scan, k: number): number {
  const text = scan.piece.text;
  const close = text.indexOf('}}', k + 2);
  const inner = close === -1 ? '' : text.slice(k + 2, close);
  // `{{a … {{b}}`: the first one never closed; the later one is read on its own.
  if (close === -1 || inner.includes('{{')) {
    problem(scan, k, UNCLOSED_FIELD);
    return k + 1;
  }
  const match = FIELD.exec(inner);
  const key = match?.[1];
  if (!key) {
    problem(
      scan,
      k,
      inner.trim() === ''
        ? 'empty field "{{}}": write {{key}} or {{key|filter}}'
        : `bad field "{{${inner}}}": write {{key}} or {{key|filter}}`,
    );
    return close + 1;
  }
  flush(scan, k);
  const field: FieldInline = { type: 'field', key };
  const filter = match[2];
  if (filter) field.filter = filter;
  if (scan.piece.marks) field.marks = markNames(scan.piece.marks);
  const at = offsetAt(scan.piece, k);
  const filterAt = filter ? offsetAt(scan.piece, k + 2 + inner.indexOf(filter, inner.indexOf('|'))) : undefined;
  scan.ctx.spots.set(field, filterAt === undefined ? { at } : { at, filter: filterAt });
  scan.out.push(field);
  scan.from = close + 2;
  return close + 1;
}

/** Reads `[[#id]]` at `k`; returns the index of the last character consumed. */
function readRef(scan: Scan, k: number): number {
  const text = scan.piece.text;
  const close = text.indexOf(']]', k + 3);
  const target = close === -1 ? '' : text.slice(k + 3, close);
  if (close === -1 || target.includes('[[')) {
    problem(scan, k, UNCLOSED_REF);
    return k + 2;
  }
  if (target === '' || /\s/.test(target)) {
    problem(scan, k, `bad cross-reference "[[#${target}]]": write [[#clause-id]]`);
    return close + 1;
  }
  flush(scan, k);
  const ref: RefInline = { type: 'ref', target };
  if (scan.piece.marks) ref.marks = markNames(scan.piece.marks);
  scan.ctx.spots.set(ref, { at: offsetAt(scan.piece, k) });
  scan.ctx.takenIds.add(target);
  scan.out.push(ref);
  scan.from = close + 2;
  return close + 1;
}

/**
 * Reads clause attributes at `k`, which must end the first line: nothing after them but spaces, then a line end
 * within this piece or, when `lastOnLine`, the piece's end.
 */
function readAttributes(
  scan: Scan,
  k: number,
  lastOnLine: boolean,
): { attributes: FoundAttributes | undefined; last: number } {
  const { piece } = scan;
  const text = piece.text;
  let lineEnd = text.length;
  for (let i = text.indexOf('\n', k); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (!isLiteral(piece, i)) {
      lineEnd = i;
      break;
    }
  }
  const result = parseAttributes(text, k, lineEnd, (i) => isLiteral(piece, i));
  if (!result.ok) {
    problem(scan, result.at, `bad attribute: ${result.message}`);
    return { attributes: undefined, last: k };
  }
  let after = result.attributes.end;
  while (after < lineEnd && (text[after] === ' ' || text[after] === '\t')) after++;
  if (after < lineEnd || (lineEnd === text.length && !lastOnLine)) {
    problem(scan, k, "bad attribute: attributes must come last on the clause's first line");
    return { attributes: undefined, last: k };
  }
  if (piece.marks) {
    problem(scan, k, 'bad attribute: attributes must not be bold, italic or struck through');
    return { attributes: undefined, last: k };
  }
  // The space between the text and the braces is not part of the text.
  let cut = k;
  while (cut > scan.from && (text[cut - 1] === ' ' || text[cut - 1] === '\t') && !isLiteral(piece, cut - 1)) cut--;
  flush(scan, cut);
  scan.from = after;
  const found = result.attributes;
  const attributes: FoundAttributes = {};
  if (found.id !== undefined) {
    attributes.id = found.id;
    attributes.idAt = offsetAt(piece, found.idAt ?? k);
  }
  if (found.condition) {
    attributes.condition = found.condition;
    attributes.conditionAt = offsetAt(piece, found.conditionAt ?? k);
  }
  return { attributes, last: after - 1 };
}

// The model has no soft line breaks: a wrapped line joins with a space, or with nothing between two CJK characters.
function joinSoftBreaks(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (let i = 0; i < inlines.length; i++) {
    const inline = inlines[i] as Inline;
    if (inline.type !== 'text' || !inline.text.includes('\n')) {
      out.push(inline);
      continue;
    }
    const before = edgeChar(inlines[i - 1], 'last');
    const after = edgeChar(inlines[i + 1], 'first');
    const text = inline.text.replace(/\n/g, (_, index: number, s: string) => {
      const p = index > 0 ? s[index - 1] : before;
      const q = index + 1 < s.length ? s[index + 1] : after;
      if (p === undefined || q === undefined) return '';
      return WIDE.test(p) && WIDE.test(q) ? '' : ' ';
    });
    if (text) out.push({ ...inline, text });
  }
  return out;
}

/** The character next to a line break from a neighbouring inline: '' for a field or ref, none at the edge. */
function edgeChar(inline: Inline | undefined, which: 'first' | 'last'): string | undefined {
  if (!inline) return undefined;
  if (inline.type !== 'text') return '';
  return which === 'first' ? inline.text[0] : inline.text[inline.text.length - 1];
}
