import type { FieldDef } from '@clausewright/model';

/** The parts of a field definition the panel edits. */
export type FieldPatch = Partial<Pick<FieldDef, 'label' | 'type' | 'required' | 'options'>>;

/**
 * A field definition with an edit applied. Changing the type drops what only fitted the old type (options, currency,
 * a default of the old type); `required: false` is stored as absent, like the Markdown format writes it.
 */
export function applyFieldPatch(def: FieldDef, patch: FieldPatch): FieldDef {
  const next: FieldDef = { ...def, ...patch };
  if (patch.type !== undefined && patch.type !== def.type) {
    delete next.default;
    if (patch.type !== 'money') delete next.currency;
    if (patch.type !== 'choice') delete next.options;
    else if (!next.options) next.options = [];
  }
  if (!next.required) delete next.required;
  for (const key of Object.keys(next) as (keyof FieldDef)[]) if (next[key] === undefined) delete next[key];
  return next;
}
