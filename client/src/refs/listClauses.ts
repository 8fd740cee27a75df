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

/**
 * The body's clauses in order, labelled from `labels` (clause id → label), with their first words; `omit` leaves out a
 * range of text (the `[[query` being typed).
 */
export function listClauses(
  doc: PMNode,
  labels: ReadonlyMap<string, string>,
  omit?: { from: number; to: number },
): ClauseEntry[] {
  const entries: ClauseEntry[] = [];
  doc.forEach((block, offset) => {
    if (block.type.name !== 'clause' || typeof block.attrs.id !== 'string' || !block.attrs.id) return;
    const start = offset + 1;
    const end = offset + block.nodeSize - 1;
    const raw =
      omit && omit.from >= start && omit.to <= end
        ? doc.textBetween(start, omit.from) + doc.textBetween(omit.to, end)
        : block.textContent;
    const text = raw.replace(/\s+/g, ' ').trim();
    entries.push({
      id: block.attrs.id,
      label: labels.get(block.attrs.id) ?? '',
      level: Number(block.attrs.level) || 1,
      text: text.length > FIRST_WORDS ? `${text.slice(0, FIRST_WORDS)}…` : text,
    });
  });
  return entries;
}
