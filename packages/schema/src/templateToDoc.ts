import type { Block, Clause, Template } from '@clausewright/model';
import type { JSONContent } from '@tiptap/core';
import { MAX_CLAUSE_LEVEL } from './Clause.ts';
import { encodeCondition } from './encodeCondition.ts';
import { inlinesToContent } from './inlinesToContent.ts';

/**
 * ProseMirror JSON of a template's body. Each clause becomes one flat `clause` block whose `level` is its depth,
 * followed by a `clauseParagraph` per further paragraph, in document order. An empty body gives one empty
 * paragraph, since a document needs a block.
 *
 * @throws RangeError when clauses nest deeper than {@link MAX_CLAUSE_LEVEL}.
 */
export function templateToDoc(template: Pick<Template, 'body'>): JSONContent {
  const content = template.body.flatMap(blockToContent);
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

function blockToContent(block: Block): JSONContent[] {
  switch (block.type) {
    case 'heading':
      return [textblock('heading', block.content, { level: block.level })];
    case 'paragraph':
      return [textblock('paragraph', block.content)];
    case 'table':
      return [
        {
          type: 'table',
          content: block.rows.map((row, r) => ({
            type: 'tableRow',
            content: row.map((cell, c) => ({
              type: r === 0 ? 'tableHeader' : 'tableCell',
              attrs: { align: block.align[c] ?? null },
              content: [textblock('paragraph', cell)],
            })),
          })),
        },
      ];
    case 'clauses': {
      const out: JSONContent[] = [];
      for (const clause of block.clauses) flattenClause(clause, 1, out);
      return out;
    }
  }
}

function flattenClause(clause: Clause, level: number, out: JSONContent[]): void {
  if (level > MAX_CLAUSE_LEVEL) {
    throw new RangeError(`clause "${clause.id}" is nested ${level} deep; the editor holds ${MAX_CLAUSE_LEVEL} levels`);
  }
  const { condition } = clause;
  out.push(
    textblock('clause', clause.content, {
      id: clause.id,
      level,
      if: condition?.kind === 'if' ? encodeCondition(condition) : null,
      unless: condition?.kind === 'unless' ? encodeCondition(condition) : null,
    }),
  );
  for (const paragraph of clause.paragraphs) out.push(textblock('clauseParagraph', paragraph, { level }));
  for (const child of clause.children) flattenClause(child, level + 1, out);
}

function textblock(type: string, inlines: Parameters<typeof inlinesToContent>[0], attrs?: JSONContent['attrs']) {
  const node: JSONContent = { type };
  if (attrs) node.attrs = attrs;
  if (inlines.length > 0) node.content = inlinesToContent(inlines);
  return node;
}
