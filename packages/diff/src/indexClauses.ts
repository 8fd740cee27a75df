import { type Clause, type Condition, numberClauses, type Template } from '@clausewright/model';
import { flattenInlines, hasMarks } from './flattenInlines.ts';

/** One clause of a version with everything the diff compares, in document order. */
export interface IndexedClause {
  clause: Clause;
  id: string;
  parentId: string | null;
  /** Document-order position of the parent in the same list; -1 at the top level. */
  parent: number;
  index: number;
  level: number;
  label: string;
  /** Flattened text, marks dropped (what the inline diff shows). */
  text: string;
  /** Flattened text with marks, equal to `text` when nothing is marked. */
  marked: string;
}

/** Flattens a template's clause tree (all clause lists form one top level, as numbering does) and labels it. */
export function indexClauses(template: Template): IndexedClause[] {
  const top: Clause[] = [];
  for (const block of template.body) if (block.type === 'clauses') top.push(...block.clauses);
  // Numbered through a shadow tree keyed by document position: a live draft may briefly hold a duplicated id.
  let n = 0;
  const shadow = (list: readonly Clause[]): Clause[] =>
    list.map((c) => ({ id: String(n++), content: [], paragraphs: [], children: shadow(c.children) }));
  const numbers = numberClauses(shadow(top), template.meta.numbering);
  const out: IndexedClause[] = [];
  const walk = (list: readonly Clause[], parent: number, level: number) => {
    for (let index = 0; index < list.length; index++) {
      const clause = list[index] as Clause;
      const at = out.length;
      out.push({
        clause,
        id: clause.id,
        parentId: parent < 0 ? null : (out[parent] as IndexedClause).id,
        parent,
        index,
        level,
        label: numbers.get(String(at))?.label ?? '',
        ...texts(clause),
      });
      if (clause.children.length > 0) walk(clause.children, at, level + 1);
    }
  };
  walk(top, -1, 1);
  return out;
}

function texts(clause: Clause): { text: string; marked: string } {
  let text = flattenInlines(clause.content);
  let marked = hasMarks(clause.content) ? flattenInlines(clause.content, true) : text;
  for (const paragraph of clause.paragraphs) {
    const plain = flattenInlines(paragraph);
    text += `\n\n${plain}`;
    marked += `\n\n${hasMarks(paragraph) ? flattenInlines(paragraph, true) : plain}`;
  }
  return { text, marked };
}

/** Whether two (optional) conditions say the same thing. */
export function sameCondition(a: Condition | undefined, b: Condition | undefined): boolean {
  if (!a || !b) return a === b;
  return a.kind === b.kind && a.field === b.field && a.equals === b.equals;
}
