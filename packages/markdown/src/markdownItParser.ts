import MarkdownIt, { type Options } from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type { Delimiter } from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type Token from 'markdown-it/lib/token.mjs';

/**
 * markdown-it set up to read Clause Markdown as remark (micromark, CommonMark + GFM tables and strikethrough, no
 * literal autolinks) did, and to remember where every token came from: markdown-it itself keeps only block lines.
 *
 * - Block tokens get `start`: the source offset of their first character (the list marker, `#`, `|`, `>` …).
 * - Inline tokens (paragraphs, headings, table cells) get `lines`, mapping their `content` back to the source, and
 *   their content is re-cut from the source the CommonMark way: only spaces and tabs are trimmed (markdown-it's
 *   `trim()` would also drop U+3000 and other Unicode spaces, which are text).
 * - Tokens inside an inline token get `start` and `end` offsets into that inline token's `content`.
 * - Link reference definitions, dropped by markdown-it, become `definition` tokens so they can be reported; GFM
 *   footnote definitions and calls become `footnote_definition` and `footnote_ref` tokens.
 *
 * Where markdown-it and micromark read the same text differently, the rules below follow micromark: emphasis and
 * strikethrough pairing, line-end spaces and tabs, table cells, lazy lines, lists after interrupting containers.
 */
export interface PositionedToken extends Token {
  start?: number;
  end?: number;
  lines?: ContentLines;
  /** An emphasis or strikethrough run, until the runs are resolved into tags. */
  run?: Run;
}

/** For each line of an inline token's content: where it starts in the content, where in the source, and padding. */
export interface ContentLines {
  /** Content offset of each line's first character. */
  at: number[];
  /** Source offset of each line's first real character (after `pad`). */
  source: number[];
  /** Spaces markdown-it put in front of the line's text when it split a tab. */
  pad: number[];
}

/** Maps an offset in an inline token's content to its source offset. */
export function sourceOffset(lines: ContentLines, offset: number): number {
  const { at, source, pad } = lines;
  let lo = 0;
  let hi = at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((at[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return (source[lo] as number) + Math.max(0, offset - (at[lo] as number) - (pad[lo] as number));
}

type InlineRule = (state: StateInline, silent: boolean) => boolean;
type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;
interface RuleEntry<T> {
  name: string;
  fn: T;
  alt: string[];
}

const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;
const PIPE = 0x7c;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const TILDE = 0x7e;

function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** Inline state that records where pending text started, so the text token it becomes gets its offsets. */
interface PositionState extends StateInline {
  pendingStart: number;
}

function createParser(): MarkdownIt {
  const md = new MarkdownIt('commonmark', { html: true });
  // remark has no nesting limit; markdown-it's preset stops at 20 (a clause five levels deep is already 11).
  md.set({ maxNesting: 100 } as Options);
  md.enable(['table', 'strikethrough']);
  md.block.ruler.at('table', table, { alt: ['paragraph', 'reference'] });
  // Text tokens stay apart, each with its offsets; adjacent ones are joined when the tree is built.
  md.core.ruler.disable('text_join');
  md.inline.ruler2.disable('fragments_join');

  const Base = md.inline.State;
  class State extends Base {
    pendingStart = -1;
    override pushPending(): Token {
      const length = this.pending.length;
      const start = this.pendingStart >= 0 ? this.pendingStart : this.pos - length;
      const token = super.pushPending() as PositionedToken;
      token.start = start;
      token.end = start + length;
      this.pendingStart = -1;
      return token;
    }
  }
  md.inline.State = State;

  md.inline.ruler.at('newline', newline);
  const backslash = (md.inline.ruler as unknown as { __rules__: RuleEntry<InlineRule>[] }).__rules__.find(
    (rule) => rule.name === 'escape',
  )?.fn as InlineRule;
  // A backslash before anything but ASCII punctuation or a line end is text by itself; markdown-it takes the next
  // character with it, which hides the spaces of a hard break (`\  ⏎`).
  md.inline.ruler.at('escape', (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== BACKSLASH) return false;
    const next = state.src[state.pos + 1];
    if (next === undefined || next === '\n' || ASCII_PUNCTUATION.test(next)) return backslash(state, silent);
    if (!silent) state.pending += '\\';
    state.pos++;
    return true;
  });
  md.inline.ruler.at('emphasis', attentionTokenize);
  md.inline.ruler.disable('strikethrough');
  md.inline.ruler2.disable(['balance_pairs', 'strikethrough', 'emphasis']);
  md.inline.ruler2.push('attention', attentionPostProcess);
  md.inline.ruler.before('link', 'footnote', footnoteCall);
  md.inline.tokenize = tokenize;

  md.block.ruler.before('reference', 'footnote', footnoteDefinition, { alt: ['paragraph', 'reference'] });
  for (const rule of (md.block.ruler as unknown as { __rules__: RuleEntry<BlockRule>[] }).__rules__) {
    md.block.ruler.at(rule.name, located(rule.name, rule.fn), { alt: rule.alt });
  }
  // A lazy line cannot start a table (its delimiter row would be lazy too).
  lazyTerminators = (md.block.ruler as unknown as { __rules__: RuleEntry<BlockRule>[] }).__rules__
    .filter((rule) => rule.alt.includes('paragraph') && rule.name !== 'table')
    .map((rule) => rule.fn);
  return md;
}

let lazyTerminators: BlockRule[] = [];

const LIST_MARKER = /^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const FOOTNOTE_LABEL = /^\[\^([^\]\s]+)\]/;

/** What the rules share while reading one body. */
interface Env {
  /** Normalized labels of the footnotes defined so far. */
  footnotes: Set<string>;
  /** Content indentation of the containers around the list being read (0 for the document). */
  indents: number[];
  /** A line on which a container interrupted a paragraph (see {@link located}). */
  interruptLine?: number;
}

/**
 * A GFM footnote definition `[^1]: text`: only its extent matters (Clause Markdown reports it), which is its lines up
 * to a blank line, plus indented lines after blank lines.
 */
function footnoteDefinition(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = (state.bMarks[startLine] as number) + (state.tShift[startLine] as number);
  if ((state.sCount[startLine] as number) - state.blkIndent >= 4) return false;
  const match = FOOTNOTE_LABEL.exec(state.src.slice(start, state.eMarks[startLine]));
  if (!match || state.src[start + match[0].length] !== ':') return false;
  if (silent) return true;
  (state.env as Env).footnotes.add(normalizeLabel(match[1] as string));
  const terminators = lazyTerminators;
  let line = startLine + 1;
  let last = startLine + 1;
  for (; line < endLine; line++) {
    if (state.isEmpty(line)) continue;
    if ((state.sCount[line] as number) - state.blkIndent >= 4) {
      last = line + 1;
      continue;
    }
    // An unindented line continues the text only right after it, lazily, and when it starts no other block.
    const text = state.src.slice(state.bMarks[line] as number, state.eMarks[line] as number);
    if (line !== last || LIST_MARKER.test(text) || text.trimStart().startsWith('<')) break;
    if (terminators.some((rule) => rule(state, line, endLine, true))) break;
    last = line + 1;
  }
  state.line = last;
  const token = state.push('footnote_definition', '', 0);
  token.map = [startLine, last];
  return true;
}

function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase();
}

/** A GFM footnote call `[^1]`, read only when the footnote is defined, as micromark does. */
function footnoteCall(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  if (src.charCodeAt(state.pos) !== 0x5b || src.charCodeAt(state.pos + 1) !== 0x5e) return false;
  const footnotes = (state.env as Env).footnotes;
  if (footnotes.size === 0) return false;
  const match = FOOTNOTE_LABEL.exec(src.slice(state.pos, Math.min(state.posMax, state.pos + 1000)));
  if (!match || !footnotes.has(normalizeLabel(match[1] as string))) return false;
  if (!silent) state.push('footnote_ref', '', 0);
  state.pos += match[0].length;
  return true;
}

/**
 * markdown-it's inline loop, noting where each token starts and ends: a token a rule pushes starts where the rule
 * did, except emphasis runs, side by side in one call; pending text starts where it was first added to.
 */
function tokenize(this: MarkdownIt['inline'], plain: StateInline): void {
  const state = plain as PositionState;
  const end = state.posMax;
  const rules = this.ruler.getRules('') as InlineRule[];
  const maxNesting = (state.md.options as { maxNesting?: number }).maxNesting ?? 100;
  const tokens = state.tokens as PositionedToken[];
  while (state.pos < end) {
    const before = state.pos;
    const count = tokens.length;
    const hadPending = state.pending.length > 0;
    let ok = false;
    if (state.level < maxNesting) {
      for (const rule of rules) {
        ok = rule(state, false);
        if (ok) break;
      }
    }
    if (!ok) {
      if (!hadPending) state.pendingStart = before;
      state.pending += state.src[state.pos++];
      continue;
    }
    if (state.pos <= before) throw new Error("inline rule didn't increment state.pos");
    if (!hadPending && state.pending.length > 0) state.pendingStart = before;
    let cursor = before;
    for (let i = count; i < tokens.length; i++) {
      const token = tokens[i] as PositionedToken;
      if (token.start !== undefined) continue;
      if (token.type === 'text') {
        token.start = cursor;
        cursor += token.content.length;
        token.end = cursor;
      } else if (token.nesting === -1) {
        token.start = state.pos;
        token.end = state.pos;
      } else {
        token.start = before;
        token.end = token.nesting === 1 ? before : state.pos;
      }
    }
  }
  if (state.pending) state.pushPending();
}

/**
 * Line endings as micromark reads them: spaces and tabs before one are not text; two or more spaces (and no tab)
 * make a hard break. markdown-it's own rule keeps tabs and breaks on spaces after a tab.
 */
function newline(state: StateInline, silent: boolean): boolean {
  let pos = state.pos;
  if (state.src.charCodeAt(pos) !== NEWLINE) return false;
  if (!silent) {
    const pending = state.pending;
    let cut = pending.length;
    let spaces = 0;
    let tabs = false;
    while (cut > 0) {
      const code = pending.charCodeAt(cut - 1);
      if (code === SPACE) spaces++;
      else if (code === TAB) tabs = true;
      else break;
      cut--;
    }
    if (cut < pending.length) state.pending = pending.slice(0, cut);
    const token = state.push(!tabs && spaces >= 2 ? 'hardbreak' : 'softbreak', 'br', 0) as PositionedToken;
    // From the spaces that make a hard break to the line end, as in mdast.
    token.start = pos - (pending.length - cut);
    token.end = pos + 1;
  }
  pos++;
  while (pos < state.posMax && isSpaceOrTab(state.src.charCodeAt(pos))) pos++;
  state.pos = pos;
  return true;
}

/** A run of `*`, `_` or `~` that may open or close emphasis or strikethrough, matched the way micromark does. */
interface Run extends Delimiter {
  strike: boolean;
  /** Markers not yet used by a match. */
  size: number;
  /** Tags the run opens (innermost last) and closes (innermost first), with the markers each takes. */
  opens: [string, number][];
  closes: [string, number][];
  /** Inside a matched pair, unmatched runs are text. */
  dead: boolean;
}

const STAR = 0x2a;
const UNDERSCORE = 0x5f;
const WHITESPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/** micromark's `classifyCharacter`, per UTF-16 unit as micromark reads: 1 whitespace (or none), 2 punctuation, else 0. */
function classify(src: string, index: number): number {
  if (index < 0 || index >= src.length) return 1;
  const char = src[index] as string;
  if (WHITESPACE.test(char)) return 1;
  return PUNCTUATION.test(char) ? 2 : 0;
}

function isMarker(code: number): boolean {
  return code === STAR || code === UNDERSCORE || code === TILDE;
}

/**
 * Emphasis and GFM strikethrough as micromark (remark) reads them. markdown-it pairs single markers against
 * whole-run lengths, so `*a***a*b***` comes out differently; GFM also allows `~x~` and takes `~~~` as text.
 */
function attentionTokenize(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const pos = state.pos;
  const marker = src.charCodeAt(pos);
  if (silent || !isMarker(marker)) return false;
  let end = pos + 1;
  while (src.charCodeAt(end) === marker) end++;
  const length = end - pos;
  const strike = marker === TILDE;
  if (strike && length > 2) {
    state.pending += src.slice(pos, end);
    state.pos = end;
    return true;
  }
  const before = classify(src, pos - 1);
  const after = classify(src, end);
  let open: boolean;
  let close: boolean;
  if (strike) {
    open = after === 0 || (after === 2 && before !== 0);
    close = before === 0 || (before === 2 && after !== 0);
  } else {
    // micromark loosens the rules beside markers of other constructs: GFM's `~`.
    open = after === 0 || (after === 2 && before !== 0) || src.charCodeAt(end) === TILDE;
    close = before === 0 || (before === 2 && after !== 0) || src.charCodeAt(pos - 1) === TILDE;
    if (marker === UNDERSCORE) {
      const canOpen = open;
      open = open && (before !== 0 || !close);
      close = close && (after !== 0 || !canOpen);
    }
  }
  const token = state.push('text', '', 0) as PositionedToken;
  token.content = src.slice(pos, end);
  const run: Run = {
    marker,
    length,
    token: state.tokens.length - 1,
    end: -1,
    open,
    close,
    strike,
    size: length,
    opens: [],
    closes: [],
    dead: false,
  };
  token.run = run;
  state.delimiters.push(run);
  state.pos = end;
  return true;
}

function attentionPostProcess(state: StateInline): boolean {
  const scopes: Run[][] = [state.delimiters as Run[]];
  for (const meta of state.tokens_meta) {
    if (meta?.delimiters?.length) scopes.push(meta.delimiters as Run[]);
  }
  let first: Run | undefined;
  for (const scope of scopes) {
    const candidate = scope[0];
    if (candidate && (!first || candidate.token < first.token)) first = candidate;
  }
  if (!first) return false;
  // micromark resolves whichever construct it met first, then the other.
  for (const scope of scopes) {
    resolveRuns(scope, first.strike, 0, scope.length);
    resolveRuns(scope, !first.strike, 0, scope.length);
  }
  rebuildRuns(state);
  return false;
}

function resolveRuns(runs: Run[], strike: boolean, lo: number, hi: number): void {
  for (let c = lo; c < hi; c++) {
    const closer = runs[c] as Run;
    if (closer.dead || closer.strike !== strike || !closer.close || closer.size === 0) continue;
    for (let o = c - 1; o >= lo; o--) {
      const opener = runs[o] as Run;
      if (opener.dead || opener.marker !== closer.marker || !opener.open || opener.size === 0) continue;
      let use: number;
      if (strike) {
        if (opener.size !== closer.size) continue;
        use = opener.size;
      } else {
        if ((opener.close || closer.open) && closer.size % 3 !== 0 && (opener.size + closer.size) % 3 === 0) continue;
        use = opener.size > 1 && closer.size > 1 ? 2 : 1;
      }
      const tag = strike ? 's' : use === 2 ? 'strong' : 'em';
      opener.opens.unshift([tag, use]);
      opener.size -= use;
      closer.closes.push([tag, use]);
      closer.size -= use;
      // What lies between is resolved on its own; runs left there unmatched are text.
      resolveRuns(runs, false, o + 1, c);
      resolveRuns(runs, true, o + 1, c);
      for (let k = o + 1; k < c; k++) (runs[k] as Run).dead = true;
      if (closer.size > 0) c--;
      break;
    }
  }
}

/** Replaces each run's text token by its closing tags, its unused markers as text, and its opening tags. */
function rebuildRuns(state: StateInline): void {
  const tokens = state.tokens as PositionedToken[];
  let matched = false;
  for (const token of tokens) {
    const run = token.run;
    if (run && (run.opens.length > 0 || run.closes.length > 0)) matched = true;
  }
  if (!matched) {
    for (const token of tokens) token.run = undefined;
    return;
  }
  const out: PositionedToken[] = [];
  for (const token of tokens) {
    const run = token.run;
    if (!run) {
      out.push(token);
      continue;
    }
    token.run = undefined;
    const marker = token.content[0] as string;
    let at = token.start ?? 0;
    for (const [name, use] of run.closes) {
      out.push(tag(state, `${name}_close`, name, -1, marker.repeat(use), at));
      at += use;
    }
    if (run.size > 0) {
      token.content = marker.repeat(run.size);
      token.start = at;
      token.end = at + run.size;
      out.push(token);
      at += run.size;
    }
    for (const [name, use] of run.opens) {
      out.push(tag(state, `${name}_open`, name, 1, marker.repeat(use), at));
      at += use;
    }
  }
  tokens.length = 0;
  for (const token of out) tokens.push(token);
}

function tag(state: StateInline, type: string, name: string, nesting: -1 | 1, markup: string, start: number) {
  const token = new state.Token(type, name, nesting) as PositionedToken;
  token.markup = markup;
  token.start = start;
  token.end = start + markup.length;
  return token;
}

/** Gives the block tokens a rule pushes their source offsets, and their inline tokens a map back to the source. */
function located(name: string, rule: BlockRule): BlockRule {
  return (state, startLine, endLine, silent) => {
    if (silent) {
      // A lazy line is read against the containers it does match: indented 4+ beyond them it is code, which cannot
      // interrupt a paragraph (markdown-it measures it against the innermost container and sees a quote or a list).
      const lineIndent = state.sCount[startLine] as number;
      if (state.parentType === 'paragraph' && lineIndent < state.blkIndent) {
        const indents = (state.env as Env).indents;
        let base = 0;
        for (const indent of indents) if (indent <= lineIndent) base = Math.max(base, indent);
        if (lineIndent - base >= 4) return false;
      }
      return rule(state, startLine, endLine, silent);
    }
    const count = state.tokens.length;
    if (name === 'list' || name === 'blockquote') {
      const env = state.env as Env;
      const last = state.tokens[count - 1];
      const afterParagraph = last?.type === 'paragraph_close' && state.tokens[count - 2]?.map?.[1] === startLine;
      // micromark takes a line right after indented code as interrupting it, and every list opened on the line of a
      // container that interrupts as interrupting too: such a list must start at 1 and not be empty.
      const afterCode = last?.type === 'code_block';
      if (name === 'list' && (env.interruptLine === startLine || afterCode) && !mayInterrupt(state, startLine)) {
        return false;
      }
      const saved = env.interruptLine;
      if (afterParagraph || afterCode) env.interruptLine = startLine;
      env.indents.push(state.blkIndent);
      const ok = rule(state, startLine, endLine, silent);
      env.indents.pop();
      env.interruptLine = saved;
      if (!ok) return false;
      if (name === 'list') continueList(state, rule, count, endLine);
    } else if (!rule(state, startLine, endLine, silent)) {
      return false;
    }
    const tokens = state.tokens as PositionedToken[];
    switch (name) {
      case 'paragraph':
      case 'lheading':
        mapParagraph(state, tokens, count);
        break;
      case 'heading':
        mapHeading(state, tokens, count);
        break;
      case 'reference': {
        const token = state.push('definition', '', 0) as PositionedToken;
        token.map = [startLine, state.line];
        break;
      }
    }
    for (let i = count; i < tokens.length; i++) {
      const token = tokens[i] as PositionedToken;
      if (token.start === undefined && token.map) {
        const line = token.map[0];
        // An indented code block starts where its container's indentation ends; the rest at their first character.
        token.start =
          token.type === 'code_block' || token.type === 'html_block'
            ? stripIndent(state, line, state.blkIndent).first
            : (state.bMarks[line] as number) + (state.tShift[line] as number);
      }
    }
    return true;
  };
}

/**
 * markdown-it ends a list after an empty item and two blank lines; CommonMark goes on with the next item of the same
 * kind. Reads that next item's list and moves its items into the first.
 */
function continueList(state: StateBlock, rule: BlockRule, open: number, endLine: number): void {
  const first = state.tokens[open] as Token;
  for (;;) {
    const blank = state.line;
    if (blank >= endLine || !state.isEmpty(blank)) return;
    const next = state.skipEmptyLines(blank);
    if (next >= endLine || (state.sCount[next] as number) < state.blkIndent || indentOf(state, next) >= 4) return;
    const text = state.src.slice((state.bMarks[next] as number) + (state.tShift[next] as number), state.eMarks[next]);
    const marker =
      first.type === 'ordered_list_open' ? /^\d{1,9}(.)(?:[ \t]|$)/.exec(text) : /^(.)(?:[ \t]|$)/.exec(text);
    if (marker?.[1] !== first.markup) return;
    const close = state.tokens.length - 1;
    state.line = next;
    if (!rule(state, next, endLine, false)) {
      state.line = blank;
      return;
    }
    state.tokens.splice(close, 2);
    if (first.map) first.map[1] = state.line;
  }
}

/** Whether a list item may interrupt a paragraph: an ordered one must start at 1, and none may be empty. */
function mayInterrupt(state: StateBlock, line: number): boolean {
  const src = state.src;
  let pos = (state.bMarks[line] as number) + (state.tShift[line] as number);
  const max = state.eMarks[line] as number;
  let value = '';
  while (pos < max && src.charCodeAt(pos) >= 0x30 && src.charCodeAt(pos) <= 0x39) value += src[pos++];
  if (value !== '' && Number(value) !== 1) return false;
  pos++;
  while (pos < max && isSpaceOrTab(src.charCodeAt(pos))) pos++;
  return pos < max;
}

/**
 * Where `indent` columns of indentation end on a line, as markdown-it's `getLines` counts them, and how many spaces
 * it puts back when that splits a tab.
 */
function stripIndent(state: StateBlock, line: number, indent: number): { first: number; pad: number } {
  let lineIndent = 0;
  const lineStart = state.bMarks[line] as number;
  const last = state.eMarks[line] as number;
  let first = lineStart;
  while (first < last && lineIndent < indent) {
    const code = state.src.charCodeAt(first);
    if (isSpaceOrTab(code)) {
      lineIndent += code === TAB ? 4 - ((lineIndent + (state.bsCount[line] as number)) % 4) : 1;
    } else if (first - lineStart < (state.tShift[line] as number)) {
      // Container markers (list markers, `>`) count as indentation.
      lineIndent++;
    } else {
      break;
    }
    first++;
  }
  return { first, pad: lineIndent > indent ? lineIndent - indent : 0 };
}

/** Cuts a paragraph's lines as markdown-it's `getLines` does, recording where each line's text is in the source. */
function mapParagraph(state: StateBlock, tokens: PositionedToken[], from: number): void {
  const inline = findInline(tokens, from);
  if (!inline?.map) return;
  const [begin, end] = inline.map;
  const at: number[] = [];
  const source: number[] = [];
  const pad: number[] = [];
  let content = '';
  for (let line = begin; line < end; line++) {
    const cut = stripIndent(state, line, state.blkIndent);
    if (line > begin) content += '\n';
    at.push(content.length);
    source.push(cut.first);
    pad.push(cut.pad);
    content += ' '.repeat(cut.pad) + state.src.slice(cut.first, state.eMarks[line] as number);
  }
  setContent(inline, content, { at, source, pad });
}

function mapHeading(state: StateBlock, tokens: PositionedToken[], from: number): void {
  const inline = findInline(tokens, from);
  if (!inline?.map) return;
  const line = inline.map[0];
  const src = state.src;
  let pos = (state.bMarks[line] as number) + (state.tShift[line] as number);
  let max = state.eMarks[line] as number;
  pos++;
  for (let level = 1; src.charCodeAt(pos) === 0x23 && pos < max && level <= 6; level++) pos++;
  max = state.skipSpacesBack(max, pos);
  const hashes = state.skipCharsBack(max, 0x23, pos);
  if (hashes > pos && isSpaceOrTab(src.charCodeAt(hashes - 1))) max = hashes;
  setContent(inline, src.slice(pos, max), { at: [0], source: [pos], pad: [0] });
}

function lineStart(state: StateBlock, line: number): number {
  return (state.bMarks[line] as number) + (state.tShift[line] as number);
}

function indentOf(state: StateBlock, line: number): number {
  return (state.sCount[line] as number) - state.blkIndent;
}

/**
 * GFM tables, as markdown-it reads them except that cells are split and trimmed the GFM way: `\\|` is an escaped
 * backslash and then a border (markdown-it takes it for an escaped pipe), and U+3000 is text, not space. A list item
 * or block quote starts before a table can, so a header row starting with a list marker or `>` starts none.
 */
function table(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (startLine + 2 > endLine) return false;
  const src = state.src;
  const next = startLine + 1;
  if ((state.sCount[next] as number) < state.blkIndent || indentOf(state, next) >= 4 || indentOf(state, startLine) >= 4)
    return false;
  const delimiterRow = src.slice(lineStart(state, next), state.eMarks[next] as number);
  if (!/^[-:|][-:| \t]*$/.test(delimiterRow) || /^-[ \t]/.test(delimiterRow)) return false;
  // `---` under a line underlines a heading rather than delimiting a table.
  if (/^-+[ \t]*$/.test(delimiterRow)) return false;
  const aligns: ('left' | 'right' | 'center' | null)[] = [];
  const parts = delimiterRow.split('|');
  for (let i = 0; i < parts.length; i++) {
    const part = (parts[i] as string).replace(/^[ \t]+|[ \t]+$/g, '');
    if (!part) {
      if (i === 0 || i === parts.length - 1) continue;
      return false;
    }
    if (!/^:?-+:?$/.test(part)) return false;
    const right = part.endsWith(':');
    aligns.push(part.startsWith(':') ? (right ? 'center' : 'left') : right ? 'right' : null);
  }
  // Headings, fences, rules, quotes and lists that start on the header line come first in micromark.
  if (lazyTerminators.some((rule) => rule(state, startLine, endLine, true))) return false;
  const headerStart = lineStart(state, startLine);
  const headerText = src.slice(headerStart, state.eMarks[startLine] as number);
  if (headerText.charCodeAt(0) === 0x3e || LIST_MARKER.test(headerText)) return false;
  const header = splitRow(src, headerStart, state.eMarks[startLine] as number);
  if (header.length === 0 || header.length !== aligns.length) return false;
  if (silent) return true;

  const oldParentType = state.parentType;
  state.parentType = 'table' as typeof state.parentType;
  const terminators = state.md.block.ruler.getRules('blockquote');
  const open = state.push('table_open', 'table', 1);
  const tableLines: [number, number] = [startLine, 0];
  open.map = tableLines;
  const row = (line: number, cells: [number, number][], cellType: string) => {
    const tr = state.push('tr_open', 'tr', 1);
    tr.map = [line, line + 1];
    // Cells missing from a body row are left out, as in mdast; cells beyond the header's are dropped.
    const count = cellType === 'th' ? aligns.length : Math.min(aligns.length, cells.length);
    for (let i = 0; i < count; i++) {
      const cellOpen = state.push(`${cellType}_open`, cellType, 1);
      const align = aligns[i];
      if (align) cellOpen.attrs = [['style', `text-align:${align}`]];
      const [start, end] = cells[i] ?? [state.eMarks[line] as number, state.eMarks[line] as number];
      const inline = state.push('inline', '', 0) as PositionedToken;
      inline.content = src.slice(start, end);
      inline.map = [line, line + 1];
      inline.children = [];
      inline.lines = { at: [0], source: [start], pad: [0] };
      state.push(`${cellType}_close`, cellType, -1);
    }
    state.push('tr_close', 'tr', -1);
  };
  state.push('thead_open', 'thead', 1).map = [startLine, startLine + 1];
  row(startLine, header, 'th');
  state.push('thead_close', 'thead', -1);
  let line = startLine + 2;
  let body = false;
  for (; line < endLine; line++) {
    if ((state.sCount[line] as number) < state.blkIndent || state.isEmpty(line) || indentOf(state, line) >= 4) break;
    if (terminators.some((rule) => rule(state, line, endLine, true))) break;
    if (!body) {
      state.push('tbody_open', 'tbody', 1).map = [startLine + 2, 0];
      body = true;
    }
    row(line, splitRow(src, lineStart(state, line), state.eMarks[line] as number), 'td');
  }
  if (body) state.push('tbody_close', 'tbody', -1);
  state.push('table_close', 'table', -1);
  tableLines[1] = line;
  state.parentType = oldParentType;
  state.line = line;
  return true;
}

function splitRow(src: string, start: number, end: number): [number, number][] {
  while (end > start && isSpaceOrTab(src.charCodeAt(end - 1))) end--;
  const cells: [number, number][] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    const code = src.charCodeAt(i);
    if (code === BACKSLASH) i++;
    else if (code === PIPE) {
      cells.push([from, i]);
      from = i + 1;
    }
  }
  cells.push([from, end]);
  const firstCell = cells[0];
  if (firstCell && firstCell[0] === firstCell[1]) cells.shift();
  const lastCell = cells[cells.length - 1];
  if (lastCell && lastCell[0] === lastCell[1]) cells.pop();
  for (const c of cells) {
    while (c[0] < c[1] && isSpaceOrTab(src.charCodeAt(c[0]))) c[0]++;
    while (c[1] > c[0] && isSpaceOrTab(src.charCodeAt(c[1] - 1))) c[1]--;
  }
  return cells;
}

function findInline(tokens: PositionedToken[], from: number): PositionedToken | undefined {
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i] as PositionedToken;
    if (token.type === 'inline') return token;
  }
  return undefined;
}

/** Trims spaces and tabs only, as CommonMark does, and keeps the content-to-source map in step. */
function setContent(inline: PositionedToken, content: string, lines: ContentLines): void {
  let a = 0;
  let b = content.length;
  while (a < b && isSpaceOrTab(content.charCodeAt(a))) a++;
  while (b > a && isSpaceOrTab(content.charCodeAt(b - 1))) b--;
  inline.content = content.slice(a, b);
  if (a > 0) {
    // Leading spaces are on the first line, so only that line's mapping moves.
    for (let k = 0; k < lines.at.length; k++) lines.at[k] = Math.max(0, (lines.at[k] as number) - a);
    const firstPad = lines.pad[0] as number;
    lines.source[0] = (lines.source[0] as number) + Math.max(0, a - firstPad);
    lines.pad[0] = Math.max(0, firstPad - a);
  }
  inline.lines = lines;
}

let parser: MarkdownIt | undefined;

/** Parses a body into markdown-it tokens with source offsets (see {@link PositionedToken}). */
export function parseTokens(markdown: string): PositionedToken[] {
  parser ??= createParser();
  const env: Env = { footnotes: new Set(), indents: [0] };
  return parser.parse(markdown, env) as PositionedToken[];
}
