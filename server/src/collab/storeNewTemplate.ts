import type { Template } from '@clausewright/model';
import { templateToYDoc } from '@clausewright/schema';
import * as Y from 'yjs';
import type { DocumentStore } from '../storage/DocumentStore.ts';

/**
 * Stores a template as the first update of document `template.meta.id`, with its list summary, in one write.
 * Resolves false, storing nothing, when that document already exists.
 */
export async function storeNewTemplate(store: DocumentStore, template: Template): Promise<boolean> {
  const doc = new Y.Doc();
  try {
    templateToYDoc(template, doc);
    const { id, title, locale, numbering } = template.meta;
    return await store.create(id, Y.encodeStateAsUpdate(doc), { title, locale, numbering });
  } finally {
    doc.destroy();
  }
}
