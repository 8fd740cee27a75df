import type { Node as PMNode } from '@tiptap/pm/model';

/** A clause as the reference picker lists it. */
export interface ClauseEntry {
  id: string;
  label: string;
  level: number;
  /** The clause's first words. */
  text: string;
}

const FIRST_WORDS = 40;

/** The body's clauses in order, labelled from `labels` (clause id → label), with their first words. */
export function listClauses(doc: PMNode, labels: ReadonlyMap<string, string>): ClauseEntry[] {
  const entries: ClauseEntry[] = [];
  doc.forEach((block) => {
    if (block.type.name !== 'clause' || typeof block.attrs.id !== 'string' || !block.attrs.id) return;
    const text = block.textContent.replace(/\s+/g, ' ').trim();
    entries.push({
      id: block.attrs.id,
      label: labels.get(block.attrs.id) ?? '',
      level: Number(block.attrs.level) || 1,
      text: text.length > FIRST_WORDS ? `${text.slice(0, FIRST_WORDS)}…` : text,
    });
  });
  return entries;
}
