import { META_MAP } from '@clausewright/schema';
import type * as Y from 'yjs';
import type { DocumentSummary } from '../storage/DocumentStore.ts';

/** The list summary held in a template Y.Doc's meta map; null while it has no title (not a template yet). */
export function readSummary(doc: Y.Doc): DocumentSummary | null {
  const meta = doc.getMap<unknown>(META_MAP);
  const title = meta.get('title');
  if (typeof title !== 'string') return null;
  const locale = meta.get('locale');
  const numbering = meta.get('numbering');
  return {
    title,
    locale: typeof locale === 'string' ? locale : '',
    numbering: typeof numbering === 'string' ? numbering : '',
  };
}
