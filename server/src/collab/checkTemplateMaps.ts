import { FIELD_KEY, LOCALES, NUMBERING_SCHEMES, parseFieldDefs } from '@clausewright/model';
import * as Y from 'yjs';

const MAX_TITLE_CHARS = 500;

const META_RULES: Record<string, (value: unknown) => boolean> = {
  schemaVersion: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1,
  id: (v) => typeof v === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v) && v.length <= 200,
  title: (v) => typeof v === 'string' && v.length <= MAX_TITLE_CHARS,
  locale: (v) => (LOCALES as readonly unknown[]).includes(v),
  numbering: (v) => (NUMBERING_SCHEMES as readonly unknown[]).includes(v),
};

/** What is wrong with a template's meta map (every key present, each of its type, no others), or null. */
export function checkMeta(meta: Y.Map<unknown>): string | null {
  for (const [key, rule] of Object.entries(META_RULES)) {
    if (!meta.has(key)) return `meta has no ${key}`;
    if (!rule(meta.get(key))) return `meta.${key} has an invalid value`;
  }
  for (const key of meta.keys()) if (!(key in META_RULES)) return `meta has no key "${key.slice(0, 40)}"`;
  return null;
}

/** What is wrong with one entry of the fields map (a field key and a definition the model accepts), or null. */
export function checkFieldDef(key: string, def: unknown): string | null {
  if (!FIELD_KEY.test(key) || key.length > 200) return `field key "${key.slice(0, 40)}" is invalid`;
  if (def instanceof Y.AbstractType) return `field "${key}" is a Yjs type, not a definition`;
  const { issues } = parseFieldDefs({ [key]: def });
  return issues.length ? `field "${key}": ${issues[0]?.message.slice(0, 80)}` : null;
}
