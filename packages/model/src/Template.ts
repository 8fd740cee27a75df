import type { Block } from './Block.ts';
import type { FieldDef } from './Field.ts';

/** The model version written into every template file; bump it with a migration in `migrate.ts`. */
export const SCHEMA_VERSION = 1;

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const NUMBERING_SCHEMES = ['zh-article', 'decimal', 'legal-en'] as const;
export type NumberingScheme = (typeof NUMBERING_SCHEMES)[number];

export interface TemplateMeta {
  schemaVersion: number;
  /** Equals the template's folder name. */
  id: string;
  title: string;
  locale: Locale;
  numbering: NumberingScheme;
}

export interface Template {
  meta: TemplateMeta;
  /** Field definitions keyed by field key, in the order the author wrote them. */
  fields: Record<string, FieldDef>;
  body: Block[];
}
