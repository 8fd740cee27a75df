import { randomUUID } from 'node:crypto';
import { parseTemplate, TemplateSyntaxError } from '@clausewright/markdown';
import {
  LOCALES,
  type Locale,
  NUMBERING_SCHEMES,
  type NumberingScheme,
  SCHEMA_VERSION,
  type Template,
} from '@clausewright/model';
import { HttpError } from './HttpError.ts';

/** Template ids: what the collab path and Clause Markdown front matter accept. */
export const TEMPLATE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 64;
const MAX_TITLE_LENGTH = 200;
const DEFAULT_NUMBERING: Record<Locale, NumberingScheme> = { 'zh-CN': 'zh-article', en: 'decimal' };

/** A template to create, and whether its id was asked for (a clash is then a 409, not a renamed copy). */
export interface NewTemplate {
  template: Template;
  explicitId: boolean;
}

/**
 * Reads a `POST /api/templates` body: `{ markdown }` imports Clause Markdown (syntax errors → 422 with every
 * problem), `{ title, locale?, numbering?, id? }` makes a blank template with one empty clause. Anything else is a
 * 400 naming the field at fault.
 */
export function newTemplate(raw: unknown): NewTemplate {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new HttpError(400, 'request body must be a JSON object: { title, locale?, numbering?, id? } or { markdown }');
  }
  const body = raw as Record<string, unknown>;
  if (body.markdown !== undefined) return imported(body.markdown);

  const title = body.title;
  if (typeof title !== 'string' || title.trim() === '') throw new HttpError(400, '"title" must be a non-empty string');
  if (title.length > MAX_TITLE_LENGTH)
    throw new HttpError(400, `"title" must be at most ${MAX_TITLE_LENGTH} characters`);
  const locale = body.locale ?? 'zh-CN';
  if (!LOCALES.includes(locale as Locale)) throw new HttpError(400, `"locale" must be one of ${LOCALES.join(', ')}`);
  const numbering = body.numbering ?? DEFAULT_NUMBERING[locale as Locale];
  if (!NUMBERING_SCHEMES.includes(numbering as NumberingScheme)) {
    throw new HttpError(400, `"numbering" must be one of ${NUMBERING_SCHEMES.join(', ')}`);
  }
  const id = body.id;
  if (id !== undefined) checkId(id);
  const template: Template = {
    meta: {
      schemaVersion: SCHEMA_VERSION,
      id: (id as string | undefined) ?? slugOrUuid(title),
      title: title.trim(),
      locale: locale as Locale,
      numbering: numbering as NumberingScheme,
    },
    fields: {},
    // One empty clause made here, so clients opening the new document never each insert their own.
    body: [{ type: 'clauses', clauses: [{ id: newClauseId(), content: [], paragraphs: [], children: [] }] }],
  };
  return { template, explicitId: id !== undefined };
}

/** The same template under another id, for a generated id that is already taken. */
export function withId(template: Template, id: string): Template {
  return { ...template, meta: { ...template.meta, id } };
}

function imported(markdown: unknown): NewTemplate {
  if (typeof markdown !== 'string' || markdown.trim() === '') {
    throw new HttpError(400, '"markdown" must be a non-empty string of Clause Markdown');
  }
  try {
    const template = parseTemplate(markdown, { file: 'template.md' });
    checkId(template.meta.id);
    return { template, explicitId: true };
  } catch (error) {
    if (error instanceof TemplateSyntaxError) {
      throw new HttpError(422, 'the Clause Markdown has errors', { problems: error.problems });
    }
    throw error;
  }
}

function checkId(id: unknown): void {
  if (typeof id !== 'string' || !TEMPLATE_ID.test(id) || id.length > MAX_ID_LENGTH) {
    throw new HttpError(
      400,
      `"id" must be lowercase letters, digits and single hyphens (at most ${MAX_ID_LENGTH} characters), got ${JSON.stringify(id)}`,
    );
  }
}

/** A readable id from a Latin title ("Mutual NDA" → "mutual-nda"), a UUID when the title has no Latin letters. */
export function slugOrUuid(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || randomUUID();
}

/** A fresh clause id, valid under the model's CLAUSE_ID (starts with a letter). */
export function newClauseId(): string {
  return `c${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}
