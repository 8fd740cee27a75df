import type { FieldDef, Template } from '@clausewright/model';
import { stringify } from 'yaml';

const FIELD_KEYS = ['label', 'type', 'required', 'default', 'help', 'options', 'currency'] as const;

/** Writes the `---` front matter, keys in a stable order and absent ones left out. */
export function serializeFrontMatter(template: Template): string {
  const { schemaVersion, id, title, locale, numbering } = template.meta;
  const data: Record<string, unknown> = { schemaVersion, id, title, locale, numbering };
  const keys = Object.keys(template.fields);
  if (keys.length > 0) {
    const fields: Record<string, Partial<FieldDef>> = {};
    for (const key of keys) {
      const def = template.fields[key] as FieldDef;
      const out: Record<string, unknown> = {};
      for (const name of FIELD_KEYS) if (def[name] !== undefined) out[name] = def[name];
      fields[key] = out;
    }
    data.fields = fields;
  }
  // No folding and no anchors: the file is edited by hand and diffed in review.
  return `---\n${stringify(data, { lineWidth: 0, aliasDuplicateObjects: false })}---\n`;
}
