import type { Condition, FieldInline, Inline, Mark, RefInline } from '@clausewright/model';
import type { PhrasingContent } from 'mdast';
import { looksLikeAttributes, parseAttributes } from './attributes.ts';
import { normalizeInlines } from './normalizeInlines.ts';
import type { ParseContext } from './ParseContext.ts';
import { isLiteral, joinPieces, offsetAt, readTextNode, type TextPiece } from './TextPiece.ts';

const BOLD = 1;
const ITALIC = 2;
const STRIKE = 4;
const MARK_NAMES: readonly Mark[] = ['bold', 'italic', 'strike'];

/** A clause's attributes as found in the source, with source offsets for error positions. */
export interface FoundAttributes {
  id?: string;
  condition?: Condition;
  /** Offsets of the id, the condition and the opening `{`. */
  idAt?: number;
  conditionAt?: number;
  at: number;
}

const LINE_BREAK_TAG = /^<br\s*\/?>$/i;
const FIELD = /^\s*([A-Za-z_]\w*)\s*(?:\|\s*([A-Za-z_]\w*)\s*)?$/;
// East Asian wide characters: a soft line break between two of them joins the lines without a space.
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

/**
 * Reads Markdown phrasing content into model inlines: `{{key|filter}}` fields, `[[#id]]` references, marks from
 * strong/emphasis/delete, hard breaks (also `<br>`). With `clauseFirstLine`, trailing attributes at the end of the
 * first line are taken off and returned. Problems go to the context; the inlines are returned regardless.
 */
export function readInlines(
  nodes: PhrasingContent[],
  ctx: ParseContext,
  clauseFirstLine: boolean,
): { inlines: Inline[]; attributes: FoundAttributes | undefined } {
  const items: (TextPiece | null)[] = [];
  collect(nodes, 0, ctx, items);
  const out: Inline[] = [];
  let attributes: FoundAttributes | undefined;
  let onFirstLine = clauseFirstLine;
  const problem = (offset: number, message: string) => ctx.problems.push({ offset, message });

  for (let n = 0; n < items.length; n++) {
    const piece = items[n];
    if (piece === null || piece === undefined) {
      onFirstLine = false;
      out.push({ type: 'break' });
      continue;
    }
    const text = piece.text;
    const literal = (i: number) => isLiteral(piece, i);
    const marks = piece.marks;
    let from = 0;
    const flush = (to: number) => {
      if (to > from) out.push(textInline(text.slice(from, to), marks));
    };
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === 10) {
        if (!literal(k)) onFirstLine = false;
        continue;
      }
      if ((c === 42 || c === 126) && text.charCodeAt(k + 1) === c && !literal(k) && !literal(k + 1)) {
        // Markdown left a ** or ~~ as text: almost always bold the author meant but CommonMark could not pair.
        const run = c === 42 ? '**' : '~~';
        problem(
          offsetAt(piece, k),
          `unpaired "${run}": Markdown did not read it as ${c === 42 ? 'bold' : 'strikethrough'} (beside punctuation such as "}}" or "”", ${run} needs a space or punctuation on its other side); move it, or write ${run.replace(/./g, '\\$&')} for the characters themselves`,
        );
        while (text.charCodeAt(k + 1) === c) k++;
        continue;
      }
      if (c === 123 && !literal(k)) {
        if (text.charCodeAt(k + 1) === 123 && !literal(k + 1)) {
          const close = text.indexOf('}}', k + 2);
          if (close === -1) {
            problem(offsetAt(piece, k), 'unclosed "{{": write a field as {{key}} or {{key|filter}}');
            k += 1;
            continue;
          }
          const inner = text.slice(k + 2, close);
          if (inner.includes('{{')) {
            // `{{a … {{b}}`: the first one never closed; the later one is read on its own.
            problem(offsetAt(piece, k), 'unclosed "{{": write a field as {{key}} or {{key|filter}}');
            k += 1;
            continue;
          }
          const match = FIELD.exec(inner);
          if (!match?.[1]) {
            problem(
              offsetAt(piece, k),
              inner.trim() === ''
                ? 'empty field "{{}}": write {{key}} or {{key|filter}}'
                : `bad field "{{${inner}}}": write {{key}} or {{key|filter}}`,
            );
          } else {
            flush(k);
            const field: FieldInline = { type: 'field', key: match[1] };
            const filter = match[2];
            if (filter) field.filter = filter;
            if (marks) field.marks = markNames(marks);
            const filterAt = filter ? inner.indexOf(filter, inner.indexOf('|')) : -1;
            ctx.spots.set(field, {
              at: offsetAt(piece, k),
              ...(filterAt >= 0 ? { filter: offsetAt(piece, k + 2 + filterAt) } : {}),
            });
            out.push(field);
            from = close + 2;
          }
          k = close + 1;
          continue;
        }
        if (looksLikeAttributes(text, k)) {
          if (!onFirstLine) {
            problem(offsetAt(piece, k), "attributes ({#id}, {if=key}) belong at the end of a clause's first line");
            continue;
          }
          const lineEnd = lineEndFrom(piece, k);
          const result = parseAttributes(text, k, lineEnd, literal);
          if (!result.ok) {
            problem(offsetAt(piece, result.at), `bad attribute: ${result.message}`);
            continue;
          }
          let after = result.attributes.end;
          while (after < lineEnd && (text[after] === ' ' || text[after] === '\t')) after++;
          const next = items[n + 1];
          if (after < lineEnd || (lineEnd === text.length && next !== undefined && next !== null)) {
            problem(offsetAt(piece, k), "bad attribute: attributes must come last on the clause's first line");
            continue;
          }
          if (marks) {
            problem(offsetAt(piece, k), 'bad attribute: attributes must not be bold, italic or struck through');
            continue;
          }
          let cut = k;
          while (cut > from && (text[cut - 1] === ' ' || text[cut - 1] === '\t') && !literal(cut - 1)) cut--;
          flush(cut);
          const found = result.attributes;
          attributes = { at: offsetAt(piece, k) };
          if (found.id !== undefined) {
            attributes.id = found.id;
            attributes.idAt = offsetAt(piece, found.idAt ?? k);
          }
          if (found.condition) {
            attributes.condition = found.condition;
            attributes.conditionAt = offsetAt(piece, found.conditionAt ?? k);
          }
          from = after;
          k = after - 1;
          continue;
        }
      }
      if (c === 91 && !literal(k) && text.charCodeAt(k + 1) === 91 && !literal(k + 1) && text[k + 2] === '#') {
        const close = text.indexOf(']]', k + 3);
        if (close === -1) {
          problem(offsetAt(piece, k), 'unclosed "[[#": write a cross-reference as [[#clause-id]]');
          k += 2;
          continue;
        }
        const target = text.slice(k + 3, close);
        if (target.includes('[[')) {
          problem(offsetAt(piece, k), 'unclosed "[[#": write a cross-reference as [[#clause-id]]');
          k += 2;
          continue;
        }
        if (target === '' || /\s/.test(target)) {
          problem(offsetAt(piece, k), `bad cross-reference "[[#${target}]]": write [[#clause-id]]`);
        } else {
          flush(k);
          const ref: RefInline = { type: 'ref', target };
          if (marks) ref.marks = markNames(marks);
          ctx.spots.set(ref, { at: offsetAt(piece, k) });
          ctx.takenIds.add(target);
          out.push(ref);
          from = close + 2;
        }
        k = close + 1;
      }
    }
    flush(text.length);
  }
  return { inlines: normalizeInlines(joinSoftBreaks(mergeTexts(out))), attributes };
}

function collect(nodes: PhrasingContent[], marks: number, ctx: ParseContext, items: (TextPiece | null)[]): void {
  for (const node of nodes) {
    const at = ctx.base + (node.position?.start.offset ?? 0);
    const problem = (message: string) => ctx.problems.push({ offset: at, message });
    switch (node.type) {
      case 'text': {
        const end = ctx.base + (node.position?.end.offset ?? 0);
        const piece = readTextNode(node.value, ctx.source, at, end, marks);
        const last = items[items.length - 1];
        if (last && last.marks === marks) items[items.length - 1] = joinPieces(last, piece);
        else items.push(piece);
        break;
      }
      case 'strong':
        collect(node.children, marks | BOLD, ctx, items);
        break;
      case 'emphasis':
        collect(node.children, marks | ITALIC, ctx, items);
        break;
      case 'delete':
        collect(node.children, marks | STRIKE, ctx, items);
        break;
      case 'break':
        items.push(null);
        break;
      case 'html':
        if (LINE_BREAK_TAG.test(node.value)) items.push(null);
        else problem('HTML is not supported (only <br> for a line break)');
        break;
      case 'inlineCode':
        problem('inline code (`…`) is not supported; write \\` for a literal backtick');
        break;
      case 'link':
      case 'linkReference':
        problem('links are not supported; refer to a clause with [[#clause-id]]');
        break;
      case 'image':
      case 'imageReference':
        problem('images are not supported');
        break;
      case 'footnoteReference':
        problem('footnotes are not supported');
        break;
      default:
        problem(`${(node as { type: string }).type} is not supported`);
    }
  }
}

function lineEndFrom(piece: TextPiece, from: number): number {
  for (let i = piece.text.indexOf('\n', from); i !== -1; i = piece.text.indexOf('\n', i + 1)) {
    if (!isLiteral(piece, i)) return i;
  }
  return piece.text.length;
}

function markNames(marks: number): Mark[] {
  return MARK_NAMES.filter((_, i) => marks & (1 << i));
}

function textInline(text: string, marks: number): Inline {
  return marks ? { type: 'text', text, marks: markNames(marks) } : { type: 'text', text };
}

function sameMarks(a: Mark[] | undefined, b: Mark[] | undefined): boolean {
  return (a?.join() ?? '') === (b?.join() ?? '');
}

// Fields and refs split text; what is left side by side with the same marks is one run in the model.
function mergeTexts(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out[out.length - 1];
    if (inline.type === 'text' && last?.type === 'text' && sameMarks(last.marks, inline.marks)) {
      out[out.length - 1] = { ...last, text: last.text + inline.text };
    } else {
      out.push(inline);
    }
  }
  return out;
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
    const before = neighbourChar(inlines[i - 1], -1);
    const after = neighbourChar(inlines[i + 1], 0);
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

function neighbourChar(inline: Inline | undefined, at: 0 | -1): string | undefined {
  if (!inline) return undefined;
  if (inline.type !== 'text') return '';
  return at === 0 ? inline.text[0] : inline.text[inline.text.length - 1];
}
