import type { Node as PMNode } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import { type FieldUsage, findFieldUsages } from './findFieldUsages.ts';

/** What a delete did: removed the definition, or refused because the body still uses the field. */
export type DeleteFieldResult = { deleted: true } | { deleted: false; usages: FieldUsage[] };

/** Removes a field definition from the `fields` map unless the body (chips or clause conditions) still uses it. */
export function deleteFieldIfUnused(fields: Y.Map<unknown>, doc: PMNode, key: string): DeleteFieldResult {
  const usages = findFieldUsages(doc, key);
  if (usages.length > 0) return { deleted: false, usages };
  fields.delete(key);
  return { deleted: true };
}
