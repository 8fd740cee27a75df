import * as Y from 'yjs';
import type { DocumentStore } from '../storage/DocumentStore.ts';
import { readSummary } from './readSummary.ts';

/**
 * Fills in the list summary of documents stored without one (stores written before summaries existed), reading
 * each such log once into a throwaway Y.Doc. Returns the ids filled in. Documents that hold no template meta stay
 * without a summary and out of the template list.
 */
export async function backfillSummaries(store: DocumentStore): Promise<string[]> {
  const filled: string[] = [];
  for (const { docId, title } of await store.summaries()) {
    if (title !== null) continue;
    const doc = new Y.Doc();
    try {
      for (const update of await store.load(docId)) Y.applyUpdate(doc, update);
      const summary = readSummary(doc);
      if (summary) {
        await store.setSummary(docId, summary);
        filled.push(docId);
      }
    } catch {
      // An unreadable log is the hub's to report when someone opens it; it must not stop the server starting.
    } finally {
      doc.destroy();
    }
  }
  return filled;
}
