import type {
  BlockContent,
  Blockquote,
  Heading,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
  Text,
} from 'mdast';
import { type PositionedToken, parseTokens, sourceOffset } from './markdownItParser.ts';

/**
 * Parses a template body (`\n` line endings, as `parseTemplate` leaves them) as CommonMark + GFM (tables,
 * strikethrough, footnotes and task items only to report them), without literal autolinks, into mdast with positions
 * relative to `markdown`. markdown-it reads it (remark-parse took ~25 times as long); the tree has the shape
 * remark-parse + remark-gfm gave for everything Clause Markdown reads, down to the offsets of text nodes that
 * `readTextNode` lines up with the source, and holds what it rejects at its position.
 */
export function parseMarkdown(markdown: string): Root {
  const reader = new Reader(markdown, parseTokens(markdown));
  const children = reader.blocks(undefined) as RootContent[];
  return { type: 'root', children, position: reader.span(0, markdown.length) };
}

type Position = NonNullable<Root['position']>;
type AlignType = NonNullable<Table['align']>[number];
type Point = Position['start'];

const LINE_BREAK = '\n';

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a;
}

/** A node being filled with phrasing content. */
interface Container {
  type: string;
  children: unknown[];
  position?: Position;
  [key: string]: unknown;
}

const OPEN_TYPES: Record<string, string> = { strong_open: 'strong', em_open: 'emphasis', s_open: 'delete' };
const CLOSE_TYPES: Record<string, string> = {
  strong_close: 'strong',
  em_close: 'emphasis',
  s_close: 'delete',
  link_close: 'link',
};

class Reader {
  i = 0;
  /** Offset where each line starts, to end block positions. */
  readonly lineStarts: number[];

  constructor(
    readonly source: string,
    readonly tokens: PositionedToken[],
  ) {
    this.lineStarts = [0];
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  point(offset: number): Point {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1, offset };
  }

  span(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(Math.max(start, end)) };
  }

  /** Position of a block token: from its first character to the end of its last line. */
  blockSpan(token: PositionedToken): Position {
    const start = token.start ?? 0;
    const endLine = token.map ? token.map[1] : 0;
    let end = endLine < this.lineStarts.length ? (this.lineStarts[endLine] as number) - 1 : this.source.length;
    // Blank lines a block took in (between list items) are not part of it.
    while (end > start && isBlank(this.source.charCodeAt(end - 1))) end--;
    return this.span(start, end);
  }

  /** Reads block tokens up to the closing token of type `close` (or the end), which is consumed. */
  blocks(close: string | undefined): (RootContent | BlockContent)[] {
    const out: (RootContent | BlockContent)[] = [];
    const tokens = this.tokens;
    while (this.i < tokens.length) {
      const token = tokens[this.i++] as PositionedToken;
      if (token.type === close) break;
      const node = this.block(token);
      if (node) out.push(node);
    }
    return out;
  }

  block(token: PositionedToken): RootContent | undefined {
    const position = this.blockSpan(token);
    switch (token.type) {
      case 'paragraph_open': {
        const children = this.inline(this.tokens[this.i++] as PositionedToken);
        this.i++;
        const paragraph: Paragraph = { type: 'paragraph', children, position };
        return paragraph;
      }
      case 'heading_open': {
        const children = this.inline(this.tokens[this.i++] as PositionedToken);
        this.i++;
        const depth = Number(token.tag.slice(1)) as Heading['depth'];
        const heading: Heading = { type: 'heading', depth, children, position };
        return heading;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        return this.list(token, position);
      case 'blockquote_open': {
        const children = this.blocks('blockquote_close') as Blockquote['children'];
        return { type: 'blockquote', children, position };
      }
      case 'table_open':
        return this.table(position);
      case 'fence':
      case 'code_block':
        return {
          type: 'code',
          lang: token.info.trim().split(/\s/)[0] || null,
          value: token.content.replace(/\n$/, ''),
          position,
        };
      case 'html_block':
        return { type: 'html', value: token.content.replace(/\n$/, ''), position };
      case 'hr':
        return { type: 'thematicBreak', position };
      case 'footnote_definition':
        return { type: 'footnoteDefinition', identifier: '', children: [], position };
      case 'definition':
        return { type: 'definition', identifier: '', url: '', position };
      default:
        return undefined;
    }
  }

  list(open: PositionedToken, position: Position): List {
    const ordered = open.type === 'ordered_list_open';
    const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
    const list: List = {
      type: 'list',
      ordered,
      start: ordered ? Number(open.attrGet('start') ?? 1) : null,
      spread: false,
      children: [],
      position,
    };
    while (this.i < this.tokens.length) {
      const token = this.tokens[this.i++] as PositionedToken;
      if (token.type === close) break;
      if (token.type !== 'list_item_open') continue;
      const itemPosition = this.blockSpan(token);
      const firstParagraph = this.tokens[this.i];
      // markdown-it hides the paragraphs of a tight list.
      const spread = firstParagraph?.type === 'paragraph_open' && !firstParagraph.hidden;
      const checked = this.taskCheck(token);
      const children = this.blocks('list_item_close') as ListItem['children'];
      if (checked !== null) this.dropCheckbox(children[0]);
      list.children.push({ type: 'listItem', spread, checked, children, position: itemPosition });
      if (spread) list.spread = true;
    }
    return list;
  }

  /** A GFM task list item starts its first paragraph with `[ ]`, `[x]` or `[X]`, whitespace and more text. */
  taskCheck(item: PositionedToken): boolean | null {
    const paragraph = this.tokens[this.i];
    const inline = this.tokens[this.i + 1];
    if (paragraph?.type !== 'paragraph_open' || !inline) return null;
    // On a later line than the marker, only after a marker with nothing (not even a space) behind it, as in remark.
    if (paragraph.map?.[0] !== item.map?.[0]) {
      const marker = /^(?:\d+[.)]|[-+*])/.exec(this.source.slice(item.start ?? 0, (item.start ?? 0) + 12));
      if (this.source[(item.start ?? 0) + (marker?.[0].length ?? 0)] !== '\n') return null;
    }
    const text = inline.content;
    if (text[0] !== '[' || text[2] !== ']' || !/[ \t\n]/.test(text[3] ?? '')) return null;
    const mark = text[1];
    if (mark === ' ') return false;
    if (mark === 'x' || mark === 'X') return true;
    return null;
  }

  /** GFM takes a task item's `[ ]` and the character after it off its first paragraph. */
  dropCheckbox(paragraph: ListItem['children'][number] | undefined): void {
    const text = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined;
    if (!paragraph || text?.type !== 'text' || !text.position) return;
    // The check must be followed by a space, a tab or a line end (spaces before it dropped): mdast-util-gfm-task-
    // list-item takes that one character off.
    let start = (text.position.start.offset ?? 0) + 3;
    if (text.value[3] === '\n') while (this.source[start] !== '\n') start++;
    start++;
    text.value = text.value.slice(4);
    text.position = this.span(start, text.position.end.offset ?? 0);
    if (text.value === '') (paragraph as Paragraph).children.shift();
    else if (paragraph.position) paragraph.position = this.span(start, paragraph.position.end.offset ?? 0);
  }

  table(position: Position): Table {
    const align: Table['align'] = [];
    const rows: TableRow[] = [];
    let row: TableRow | undefined;
    let header = true;
    while (this.i < this.tokens.length) {
      const token = this.tokens[this.i++] as PositionedToken;
      if (token.type === 'table_close') break;
      switch (token.type) {
        case 'tr_open':
          row = { type: 'tableRow', children: [], position: this.blockSpan(token) };
          rows.push(row);
          break;
        case 'tr_close':
        case 'thead_close':
          header = token.type === 'thead_close' ? false : header;
          break;
        case 'th_open':
        case 'td_open': {
          // markdown-it writes the alignment as `style="text-align:left"`.
          if (header) align.push((token.attrGet('style')?.slice('text-align:'.length) ?? null) as AlignType);
          const inline = this.tokens[this.i++] as PositionedToken;
          this.i++;
          const start = inline.lines ? sourceOffset(inline.lines, 0) : (token.start ?? 0);
          const end = inline.lines ? sourceOffset(inline.lines, inline.content.length) : start;
          const cell: TableCell = { type: 'tableCell', children: this.inline(inline), position: this.span(start, end) };
          row?.children.push(cell);
          break;
        }
      }
    }
    return { type: 'table', align, children: rows, position };
  }

  /** Builds phrasing content from an inline token's children, with source positions. */
  inline(inline: PositionedToken): PhrasingContent[] {
    const lines = inline.lines ?? { at: [0], source: [inline.start ?? 0], pad: [0] };
    const root: Container = { type: 'paragraph', children: [] };
    const stack: Container[] = [root];
    // The text node being extended (text, escapes, entities and soft breaks run together), and where it ends.
    let text: Text | undefined;
    let textStart = 0;
    let textEnd = 0;
    for (const token of (inline.children ?? []) as PositionedToken[]) {
      const type = token.type;
      if (type === 'text' || type === 'text_special' || type === 'softbreak') {
        const value = type === 'softbreak' ? LINE_BREAK : token.content;
        if (value === '') continue;
        // A soft break's text is its line end: the spaces before it and the indentation after it are not part of it.
        const to = token.end ?? token.start ?? 0;
        const from = type === 'softbreak' ? to - 1 : (token.start ?? 0);
        if (text) {
          text.value += value;
        } else {
          textStart = sourceOffset(lines, from);
          text = { type: 'text', value };
          (stack[stack.length - 1] as Container).children.push(text);
        }
        textEnd = type === 'softbreak' ? sourceOffset(lines, from) + 1 : sourceOffset(lines, to);
        continue;
      }
      if (text) {
        text.position = this.span(textStart, textEnd);
        text = undefined;
      }
      const start = sourceOffset(lines, token.start ?? 0);
      const end = sourceOffset(lines, token.end ?? token.start ?? 0);
      const parent = stack[stack.length - 1] as Container;
      let node: PhrasingContent | undefined;
      switch (type) {
        case 'hardbreak':
          node = { type: 'break', position: this.span(start, end) };
          break;
        case 'strong_open':
        case 'em_open':
        case 's_open':
        case 'link_open': {
          const container: Container =
            type === 'link_open'
              ? {
                  type: 'link',
                  url: token.attrGet('href') ?? '',
                  title: token.attrGet('title'),
                  children: [],
                  position: this.span(start, start),
                }
              : { type: OPEN_TYPES[type] as string, children: [], position: this.span(start, start) };
          parent.children.push(container);
          stack.push(container);
          break;
        }
        case 'strong_close':
        case 'em_close':
        case 's_close':
        case 'link_close':
          this.close(stack, CLOSE_TYPES[type] as string, end);
          break;
        case 'code_inline':
          node = { type: 'inlineCode', value: token.content, position: this.span(start, end) };
          break;
        case 'html_inline':
          node = { type: 'html', value: token.content, position: this.span(start, end) };
          break;
        case 'image':
          node = {
            type: 'image',
            url: token.attrGet('src') ?? '',
            alt: token.content,
            title: token.attrGet('title'),
            position: this.span(start, end),
          };
          break;
        case 'footnote_ref':
          node = { type: 'footnoteReference', identifier: '', position: this.span(start, end) };
          break;
      }
      if (node) parent.children.push(node);
    }
    if (text) text.position = this.span(textStart, textEnd);
    return root.children as PhrasingContent[];
  }

  /** Ends the innermost open node of `type`, and whatever is still open inside it. */
  close(stack: Container[], type: string, end: number): void {
    for (let k = stack.length - 1; k > 0; k--) {
      const node = stack[k] as Container;
      if (node.type === type) {
        stack.length = k;
        if (node.position) node.position = this.span(node.position.start.offset ?? 0, end);
        return;
      }
    }
  }
}
