import type { Block, CellAlign, Clause, Inline, TableBlock } from '@clausewright/model';
import type { List, ListItem, Root, RootContent, Table } from 'mdast';
import type { ParseContext, Spot } from './ParseContext.ts';
import { readInlines } from './readInlines.ts';

/** Reads a parsed Markdown body into model blocks; every unsupported construct becomes a problem at its position. */
export function readBody(root: Root, ctx: ParseContext): Block[] {
  const blocks: Block[] = [];
  for (const node of root.children) {
    switch (node.type) {
      case 'heading':
        blocks.push({ type: 'heading', level: node.depth, content: readInlines(node.children, ctx, false).inlines });
        break;
      case 'paragraph': {
        // A paragraph of nothing but line breaks holds nothing to keep (and could not be written back).
        const content = readInlines(node.children, ctx, false).inlines;
        if (content.length > 0) blocks.push({ type: 'paragraph', content });
        break;
      }
      case 'table':
        blocks.push(readTable(node, ctx));
        break;
      case 'list':
        if (node.ordered) blocks.push({ type: 'clauses', clauses: readClauses(node, ctx) });
        else problem(ctx, node, BULLET_LIST);
        break;
      default:
        problem(ctx, node, unsupported(node));
    }
  }
  return blocks;
}

const BULLET_LIST = 'bullet lists are not supported: clauses are numbered lists ("1. ")';

function readClauses(list: List, ctx: ParseContext): Clause[] {
  return list.children.map((item) => readClause(item, ctx));
}

function readClause(item: ListItem, ctx: ParseContext): Clause {
  const clause: Clause = { id: '', content: [], paragraphs: [], children: [] };
  const spot: Spot = { at: offset(ctx, item) };
  ctx.spots.set(clause, spot);
  if (item.checked !== null && item.checked !== undefined) {
    problem(ctx, item, 'task list checkboxes are not supported; write \\[ ] for literal brackets');
  }
  const [first, ...rest] = item.children;
  const leading = first?.type === 'paragraph' ? first : undefined;
  if (leading) {
    const { inlines, attributes } = readInlines(leading.children, ctx, true);
    clause.content = inlines;
    if (attributes?.id !== undefined) {
      clause.id = attributes.id;
      spot.id = attributes.idAt;
      ctx.takenIds.add(attributes.id);
    }
    if (attributes?.condition) {
      clause.condition = attributes.condition;
      spot.condition = attributes.conditionAt;
    }
  }
  // Queued before the children are read, so generated ids follow document order.
  if (clause.id === '') ctx.unnamed.push(clause);
  for (const child of leading ? rest : item.children) {
    if (child.type === 'paragraph') {
      if (clause.children.length > 0) {
        problem(ctx, child, 'a paragraph after sub-clauses belongs to no clause: move it above them or into one');
      }
      const paragraph = readInlines(child.children, ctx, false).inlines;
      if (paragraph.length > 0) clause.paragraphs.push(paragraph);
    } else if (child.type === 'list') {
      if (child.ordered) clause.children.push(...readClauses(child, ctx));
      else problem(ctx, child, BULLET_LIST);
    } else if (child.type === 'heading') {
      problem(ctx, child, 'headings cannot be inside a clause');
    } else if (child.type === 'table') {
      problem(ctx, child, 'tables cannot be inside a clause: end the clause list, then add the table');
    } else {
      problem(ctx, child, unsupported(child));
    }
  }
  return clause;
}

function readTable(table: Table, ctx: ParseContext): TableBlock {
  const align: CellAlign[] = (table.align ?? []).map((a) => a ?? null);
  const rows = table.children.map((row) => {
    const cells: Inline[][] = row.children
      .slice(0, align.length)
      .map((cell) => readInlines(cell.children, ctx, false).inlines);
    while (cells.length < align.length) cells.push([]);
    return cells;
  });
  return { type: 'table', align, rows };
}

function unsupported(node: RootContent): string {
  switch (node.type) {
    case 'thematicBreak':
      return 'horizontal rules (---, ***) are not supported';
    case 'blockquote':
      return 'block quotes (>) are not supported';
    case 'code':
      return 'code blocks are not supported (lines indented 4+ spaces beyond their clause, or fenced with ```)';
    case 'html':
      return 'HTML is not supported';
    case 'definition':
      return 'link definitions are not supported';
    case 'footnoteDefinition':
      return 'footnotes are not supported';
    default:
      return `${node.type} is not supported here`;
  }
}

function offset(ctx: ParseContext, node: RootContent): number {
  return ctx.base + (node.position?.start.offset ?? 0);
}

function problem(ctx: ParseContext, node: RootContent, message: string): void {
  ctx.problems.push({ offset: offset(ctx, node), message });
}
