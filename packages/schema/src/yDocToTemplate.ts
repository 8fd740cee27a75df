import { type FieldDef, LOCALES, NUMBERING_SCHEMES, type Template, type TemplateMeta } from '@clausewright/model';
import type * as Y from 'yjs';
import { docToBody } from './docToBody.ts';
import { BODY_FIELD, FIELDS_MAP, META_MAP } from './templateToYDoc.ts';
import { yFragmentToJSON } from './yFragmentToJSON.ts';

/**
 * Reads a template out of a Y.Doc without changing it. It goes through JSON, never through a schema: reading with a
 * schema that lacks a node deletes that content from the Y.Doc.
 *
 * @throws Error when the meta map is incomplete.
 */
export function yDocToTemplate(ydoc: Y.Doc): Template {
  const body = docToBody(yFragmentToJSON(ydoc.getXmlFragment(BODY_FIELD)));
  const fields: Record<string, FieldDef> = {};
  for (const [key, def] of ydoc.getMap<FieldDef>(FIELDS_MAP).entries()) fields[key] = def;
  return { meta: readMeta(ydoc.getMap<unknown>(META_MAP)), fields, body };
}

function readMeta(map: Y.Map<unknown>): TemplateMeta {
  const { schemaVersion, id, title, locale, numbering } = map.toJSON() as Record<string, unknown>;
  if (
    typeof schemaVersion !== 'number' ||
    typeof id !== 'string' ||
    typeof title !== 'string' ||
    !LOCALES.includes(locale as TemplateMeta['locale']) ||
    !NUMBERING_SCHEMES.includes(numbering as TemplateMeta['numbering'])
  ) {
    throw new Error('yDocToTemplate: the Y.Doc has no complete template meta');
  }
  return {
    schemaVersion,
    id,
    title,
    locale: locale as TemplateMeta['locale'],
    numbering: numbering as TemplateMeta['numbering'],
  };
}
