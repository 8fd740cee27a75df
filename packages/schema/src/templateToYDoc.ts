import type { Template } from '@clausewright/model';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { templateSchema } from './templateSchema.ts';
import { templateToDoc } from './templateToDoc.ts';

/** Names of the shared types a template lives in; the editor's Collaboration `field` is {@link BODY_FIELD}. */
export const BODY_FIELD = 'body';
export const FIELDS_MAP = 'fields';
export const META_MAP = 'meta';

/**
 * Seeds an empty Y.Doc with a template: the body as a y-prosemirror XML fragment, field definitions (key →
 * definition, in the template's order) and meta. Seeding twice would duplicate the body, so a non-empty doc throws.
 */
export function templateToYDoc(template: Template, ydoc: Y.Doc): void {
  const fragment = ydoc.getXmlFragment(BODY_FIELD);
  const fields = ydoc.getMap<unknown>(FIELDS_MAP);
  const meta = ydoc.getMap<unknown>(META_MAP);
  if (fragment.length > 0 || fields.size > 0 || meta.size > 0) {
    throw new Error('templateToYDoc: the Y.Doc already holds a template');
  }
  ydoc.transact(() => {
    prosemirrorJSONToYXmlFragment(templateSchema, templateToDoc(template), fragment);
    for (const [key, def] of Object.entries(template.fields)) fields.set(key, withoutUndefined(def));
    for (const [key, value] of Object.entries(template.meta)) meta.set(key, value);
  });
}

// Yjs stores plain JSON; an explicit `undefined` would come back as a present-but-undefined key.
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
