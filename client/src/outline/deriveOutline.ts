import type { Node as PMNode } from '@tiptap/pm/model';

/** One clause in the outline sidebar. */
export interface OutlineEntry {
  id: string;
  level: number;
  /** The live label (第一条, 2-1, Section 1.1); empty until labels are known. */
  label: string;
  /** The first words of the clause. */
  text: string;
  conditional: boolean;
}

/** How much of a clause's text the outline shows. */
export const SNIPPET_LENGTH = 36;

/** A field's display label by key; undefined for a key with no definition (then the key is shown). */
export type FieldLabelLookup = (key: string) => string | undefined;

/**
 * The clause outline of a document: every top-level `clause` block in order, labelled from `labels` (by id). Fields
 * show as 〔label〕, as a reader of the contract knows them, not by their keys.
 */
export function deriveOutline(
  doc: PMNode,
  labels: ReadonlyMap<string, { label: string }>,
  fieldLabel: FieldLabelLookup = () => undefined,
): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  doc.forEach((node) => {
    if (node.type.name !== 'clause') return;
    const id = typeof node.attrs.id === 'string' ? node.attrs.id : '';
    if (!id) return;
    entries.push({
      id,
      level: Number(node.attrs.level) || 1,
      label: labels.get(id)?.label ?? '',
      text: snippet(node, fieldLabel),
      conditional: Boolean(node.attrs.if || node.attrs.unless),
    });
  });
  return entries;
}

function snippet(node: PMNode, fieldLabel: FieldLabelLookup): string {
  // Only the first stretch of text is needed; reading it piecewise spares building the whole text of long clauses.
  let out = '';
  node.forEach((child) => {
    if (out.length >= SNIPPET_LENGTH) return;
    if (child.isText) out += child.text ?? '';
    else if (child.type.name === 'field') {
      const key = String(child.attrs.key);
      out += `〔${fieldLabel(key) ?? key}〕`;
    } else if (child.type.name === 'hardBreak') out += ' ';
  });
  const trimmed = out.replace(/\s+/g, ' ').trim();
  return trimmed.length > SNIPPET_LENGTH ? `${trimmed.slice(0, SNIPPET_LENGTH)}…` : trimmed;
}

/**
 * `next` with every entry equal to one in `previous` (same id and content) replaced by that object, so memoised rows
 * skip rendering; returns `previous` itself when nothing changed.
 */
export function reuseEntries(previous: readonly OutlineEntry[], next: OutlineEntry[]): readonly OutlineEntry[] {
  const byId = new Map(previous.map((e) => [e.id, e]));
  let changed = previous.length !== next.length;
  const out = next.map((entry, i) => {
    const old = byId.get(entry.id);
    const same =
      old !== undefined &&
      old.level === entry.level &&
      old.label === entry.label &&
      old.text === entry.text &&
      old.conditional === entry.conditional;
    if (!same || previous[i] !== old) changed = true;
    return same ? old : entry;
  });
  return changed ? out : previous;
}
