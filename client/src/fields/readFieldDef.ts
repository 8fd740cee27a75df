import { FIELD_TYPES, type FieldDef, type FieldType } from '@clausewright/model';

/**
 * A `fields` map entry as the editor uses it: whatever a remote client wrote, read defensively so a malformed entry
 * still shows (validation reports it) instead of breaking the page.
 */
export function readFieldDef(raw: unknown): FieldDef | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const def = raw as Partial<FieldDef>;
  const type: FieldType = FIELD_TYPES.includes(def.type as FieldType) ? (def.type as FieldType) : 'text';
  return { ...(def as FieldDef), label: typeof def.label === 'string' ? def.label : '', type };
}
