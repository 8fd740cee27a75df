import { type Clause, type ClauseNumber, type NumberingScheme, numberClauses } from '@clausewright/model';
import type { Node } from '@tiptap/pm/model';
import { clampLevel } from './Clause.ts';

/**
 * Labels every top-level clause of an editor document with the model's `numberClauses`, deriving the tree from the
 * flat levels exactly as {@link docToBody} does (a clause's parent is the nearest earlier clause of a lower level
 * in the same run of clauses; any block but a clause paragraph ends the run). Conditions are ignored: the editor
 * labels every clause. Only ids and levels are read, never text.
 */
export function numberDocClauses(doc: Node, scheme: NumberingScheme): Map<string, ClauseNumber> {
  const top: Clause[] = [];
  let open: { level: number; clause: Clause }[] | null = null;
  doc.forEach((node) => {
    const name = node.type.name;
    if (name === 'clause') {
      open ??= [];
      const level = clampLevel(node.attrs.level);
      while ((open[open.length - 1]?.level ?? 0) >= level) open.pop();
      const id = node.attrs.id;
      const clause: Clause = { id: typeof id === 'string' ? id : '', content: [], paragraphs: [], children: [] };
      const parent = open[open.length - 1]?.clause;
      (parent ? parent.children : top).push(clause);
      open.push({ level, clause });
    } else if (name !== 'clauseParagraph') {
      open = null;
    }
  });
  return numberClauses(top, scheme);
}
