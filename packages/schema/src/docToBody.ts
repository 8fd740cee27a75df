import type { Block, CellAlign, Clause, ClauseListBlock, Inline } from '@clausewright/model';
import type { JSONContent } from '@tiptap/core';
import { clampLevel } from './Clause.ts';
import { contentToInlines } from './contentToInlines.ts';
import { decodeCondition } from './decodeCondition.ts';

const ALIGNS: ReadonlySet<CellAlign> = new Set(['left', 'center', 'right']);

/**
 * A template body from ProseMirror JSON (of {@link templateToDoc}, an editor or a Y.Doc). The clause tree is derived
 * from levels; consecutive clause blocks form one `clauses` block. A document of one empty paragraph is an empty body.
 */
export function docToBody(doc: JSONContent): Block[] {
  const nodes = doc.content ?? [];
  if (nodes.length === 1 && nodes[0]?.type === 'paragraph' && !nodes[0].content?.length) return [];
  const body: Block[] = [];
  let run: ClauseRun | null = null;
  for (const node of nodes) {
    if (node.type === 'clause') {
      if (!run) {
        run = new ClauseRun();
        body.push(run.block);
      }
      run.add(node);
      continue;
    }
    if (node.type === 'clauseParagraph' && run) {
      run.addParagraph(contentToInlines(node.content));
      continue;
    }
    run = null;
    const block = nodeToBlock(node);
    if (block) body.push(block);
  }
  return body;
}

/** Builds one `clauses` block from consecutive flat clause blocks. */
class ClauseRun {
  readonly block: ClauseListBlock = { type: 'clauses', clauses: [] };
  // The chain from the top-level clause down to the last clause, each with its stored level (strictly increasing).
  private readonly open: { level: number; clause: Clause }[] = [];

  add(node: JSONContent): void {
    const attrs = node.attrs ?? {};
    const clause: Clause = {
      id: typeof attrs.id === 'string' ? attrs.id : '',
      content: contentToInlines(node.content),
      paragraphs: [],
      children: [],
    };
    if (typeof attrs.if === 'string') clause.condition = decodeCondition('if', attrs.if);
    else if (typeof attrs.unless === 'string') clause.condition = decodeCondition('unless', attrs.unless);
    // The parent is the nearest preceding clause of a lower level, as for headings in an outline. So a level that
    // jumps by more than one (level n+2 right after level n, or a run opening at level 2) is clamped to one below
    // that parent: the tree has no clause in between, and a concurrent outdent can leave such gaps.
    const level = clampLevel(attrs.level);
    while ((this.open[this.open.length - 1]?.level ?? 0) >= level) this.open.pop();
    const parent = this.open[this.open.length - 1]?.clause;
    (parent ? parent.children : this.block.clauses).push(clause);
    this.open.push({ level, clause });
  }

  addParagraph(inlines: Inline[]): void {
    this.open[this.open.length - 1]?.clause.paragraphs.push(inlines);
  }
}

function nodeToBlock(node: JSONContent): Block | null {
  switch (node.type) {
    case 'heading':
      return { type: 'heading', level: Number(node.attrs?.level ?? 1), content: contentToInlines(node.content) };
    // A clauseParagraph with no clause before it has nothing to belong to: it reads as a plain paragraph.
    case 'paragraph':
    case 'clauseParagraph':
      return { type: 'paragraph', content: contentToInlines(node.content) };
    case 'table': {
      const rows = (node.content ?? []).map((row) => (row.content ?? []).map(cellInlines));
      const firstRow = node.content?.[0]?.content ?? [];
      const align = firstRow.map((cell) => {
        const value = cell.attrs?.align;
        return ALIGNS.has(value) ? (value as CellAlign) : null;
      });
      return { type: 'table', align, rows };
    }
    default:
      return null;
  }
}

/** A cell holds blocks in the editor but inlines in the model: its textblocks are joined with hard breaks. */
function cellInlines(cell: JSONContent): Inline[] {
  const out: Inline[] = [];
  for (const block of cell.content ?? []) {
    if (out.length > 0) out.push({ type: 'break' });
    out.push(...contentToInlines(block.content));
  }
  return out;
}
