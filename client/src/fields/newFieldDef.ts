import type { FieldDef, FieldType } from '@clausewright/model';
import { checkFieldDef } from './checkFieldDef.ts';

/** The result of the "new field" form: a valid definition, or the problems by part (`''` = the key). */
export type NewFieldResult = { ok: true; key: string; def: FieldDef } | { ok: false; issues: Map<string, string[]> };

/** Builds and validates a new field from the form's inputs; a key already defined is refused. */
export function newFieldDef(
  input: { key: string; label: string; type: FieldType; options?: string[] },
  existing: ReadonlySet<string>,
  keyTakenMessage: string,
): NewFieldResult {
  const key = input.key.trim();
  const def: FieldDef = { label: input.label.trim() || key, type: input.type };
  if (input.type === 'choice') def.options = input.options ?? [];
  const issues = checkFieldDef(key, def);
  if (existing.has(key)) issues.set('', [...(issues.get('') ?? []), keyTakenMessage]);
  return issues.size > 0 ? { ok: false, issues } : { ok: true, key, def };
}
