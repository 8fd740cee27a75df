import type { Block } from './Block.ts';
import type { Clause } from './Clause.ts';
import type { Inline } from './Inline.ts';

/** Every clause of a forest in document order, parents before children. */
export function* eachClause(clauses: readonly Clause[]): Generator<Clause> {
  for (const clause of clauses) {
    yield clause;
    yield* eachClause(clause.children);
  }
}

/** Every clause of a template body in document order. */
export function* eachBodyClause(body: readonly Block[]): Generator<Clause> {
  for (const block of body) if (block.type === 'clauses') yield* eachClause(block.clauses);
}

/** Every inline run of a block list, with the clause it belongs to (none outside clauses). */
export function* eachInline(body: readonly Block[]): Generator<{ inline: Inline; clause?: Clause }> {
  for (const block of body) {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        for (const inline of block.content) yield { inline };
        break;
      case 'table':
        for (const row of block.rows) for (const cell of row) for (const inline of cell) yield { inline };
        break;
      case 'clauses':
        for (const clause of eachClause(block.clauses)) {
          for (const inline of clause.content) yield { inline, clause };
          for (const p of clause.paragraphs) for (const inline of p) yield { inline, clause };
        }
        break;
    }
  }
}
