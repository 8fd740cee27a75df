import type { FieldUsage } from './findFieldUsages.ts';

/**
 * Where a field is used, one entry per clause in document order: the clause's label, marked when the use is its
 * condition (`conditionWord`); uses outside any clause are named `outside`.
 */
export function describeUsages(
  usages: readonly FieldUsage[],
  labels: ReadonlyMap<string, string>,
  words: { outside: string; condition: string },
): string[] {
  const byPlace = new Map<string, { name: string; condition: boolean }>();
  for (const usage of usages) {
    const place = usage.clauseId ?? '';
    const name = usage.clauseId ? labels.get(usage.clauseId) || usage.clauseId : words.outside;
    const entry = byPlace.get(place) ?? { name, condition: false };
    if (usage.kind !== 'text') entry.condition = true;
    byPlace.set(place, entry);
  }
  return [...byPlace.values()].map((e) => (e.condition ? `${e.name} (${words.condition})` : e.name));
}
