import type { FieldDef, FieldType } from '@clausewright/model';

/** A row of the `{{` typeahead: a defined field, or the "new field…" entry carrying what was typed. */
export type FieldSuggestionItem =
  | { kind: 'field'; key: string; label: string; type: FieldType }
  | { kind: 'new'; query: string };

/**
 * The typeahead's rows for a query: fields whose key or label contains it (case-insensitive), those starting with it
 * first, then in definition order; "new field…" always comes last.
 */
export function matchFields(fields: Iterable<[string, FieldDef]>, query: string): FieldSuggestionItem[] {
  const q = query.trim().toLowerCase();
  const ranked: { item: FieldSuggestionItem; rank: number; order: number }[] = [];
  let order = 0;
  for (const [key, def] of fields) {
    const k = key.toLowerCase();
    const l = def.label.toLowerCase();
    const rank = q === '' || k.startsWith(q) || l.startsWith(q) ? 0 : k.includes(q) || l.includes(q) ? 1 : -1;
    if (rank >= 0)
      ranked.push({ item: { kind: 'field', key, label: def.label, type: def.type }, rank, order: order++ });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return [...ranked.map((r) => r.item), { kind: 'new', query: query.trim() }];
}
