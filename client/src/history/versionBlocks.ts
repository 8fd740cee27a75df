import {
  type Block,
  type Clause,
  type Condition,
  eachClause,
  type Inline,
  numberClauses,
  type Template,
} from '@clausewright/model';

/**
 * One line of a version's document as the read-only view draws it, labels computed as that version had them. `key`
 * is its position: a version never changes, so positions are stable.
 */
export type VersionBlock = { key: string } & (
  | { kind: 'heading'; level: number; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'table'; rows: Inline[][][] }
  | { kind: 'clause'; id: string; label: string; level: number; content: Inline[]; condition: Condition | null }
  | { kind: 'clause-paragraph'; id: string; level: number; content: Inline[] }
);

/** The version's body as a flat list of lines, and each clause's reference label (what `[[#id]]` prints). */
export function versionBlocks(template: Template): { blocks: VersionBlock[]; refLabels: Map<string, string> } {
  // Numbering continues across clause lists, so the whole body is numbered as one forest.
  const forest = template.body.flatMap((b) => (b.type === 'clauses' ? b.clauses : []));
  const numbers = numberClauses(forest, template.meta.numbering);
  const refLabels = new Map<string, string>();
  for (const [id, n] of numbers) refLabels.set(id, n.refLabel);
  const blocks: VersionBlock[] = [];
  const push = (block: DistributiveOmit<VersionBlock, 'key'>) =>
    blocks.push({ ...block, key: String(blocks.length) } as VersionBlock);
  const addClause = (clause: Clause) => {
    const number = numbers.get(clause.id);
    const level = number?.level ?? 1;
    push({
      kind: 'clause',
      id: clause.id,
      label: number?.label ?? '',
      level,
      content: clause.content,
      condition: clause.condition ?? null,
    });
    for (const paragraph of clause.paragraphs) {
      push({ kind: 'clause-paragraph', id: clause.id, level, content: paragraph });
    }
  };
  for (const block of template.body as Block[]) {
    if (block.type === 'heading') push({ kind: 'heading', level: block.level, content: block.content });
    else if (block.type === 'paragraph') push({ kind: 'paragraph', content: block.content });
    else if (block.type === 'table') push({ kind: 'table', rows: block.rows });
    else for (const clause of eachClause(block.clauses)) addClause(clause);
  }
  return { blocks, refLabels };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
