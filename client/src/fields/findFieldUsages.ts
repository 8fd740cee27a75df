import { decodeCondition } from '@clausewright/schema';
import type { Node as PMNode } from '@tiptap/pm/model';

/** One place a field is used: as a chip in the text, or in a clause's `if`/`unless` condition. */
export interface FieldUsage {
  kind: 'text' | 'if' | 'unless';
  /** The clause the use belongs to (a clause paragraph belongs to the clause before it); null before any clause. */
  clauseId: string | null;
  /** Document position of the chip, or of the clause holding the condition. */
  pos: number;
}

/** Every use of field `key` in a template body, in document order. */
export function findFieldUsages(doc: PMNode, key: string): FieldUsage[] {
  const usages: FieldUsage[] = [];
  let clauseId: string | null = null;
  doc.forEach((block, offset) => {
    if (block.type.name === 'clause') {
      clauseId = typeof block.attrs.id === 'string' ? block.attrs.id : null;
      for (const kind of ['if', 'unless'] as const) {
        const value = block.attrs[kind];
        if (typeof value === 'string' && value && decodeCondition(kind, value).field === key) {
          usages.push({ kind, clauseId, pos: offset });
        }
      }
    } else if (block.type.name !== 'clauseParagraph') {
      // Headings, plain paragraphs and tables end the clause run they follow.
      clauseId = null;
    }
    const owner = clauseId;
    block.descendants((node, pos) => {
      if (node.type.name === 'field' && node.attrs.key === key)
        usages.push({ kind: 'text', clauseId: owner, pos: offset + 1 + pos });
      return !node.isAtom;
    });
  });
  return usages;
}
