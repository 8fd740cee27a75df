import { FILTERS, type FieldType } from '@clausewright/model';

/** Names of the model's filters that apply to a field type, in registry order; none for an unknown type. */
export function filtersForType(type: FieldType | undefined): string[] {
  if (!type) return [];
  return Object.values(FILTERS)
    .filter((f) => f.appliesTo.includes(type))
    .map((f) => f.name);
}
