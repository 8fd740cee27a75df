import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseTemplate } from '@clausewright/markdown';
import { templateToYDoc } from '@clausewright/schema';
import * as Y from 'yjs';
import type { DocumentStore } from '../storage/DocumentStore.ts';

/** What `seedTemplates` did. */
export interface SeedResult {
  /** Template ids imported now. */
  seeded: string[];
  /** Templates that could not be read or parsed; they stay unseeded. */
  failed: { id: string; message: string }[];
}

/**
 * Imports every `<templatesDir>/<id>/template.md` whose document has nothing stored yet, as one Yjs update holding
 * the whole template. Documents that already have updates are left alone, so it is safe on every start.
 */
export async function seedTemplates(store: DocumentStore, templatesDir: string): Promise<SeedResult> {
  const dirents = await readdir(templatesDir, { withFileTypes: true });
  const ids = dirents
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const result: SeedResult = { seeded: [], failed: [] };
  for (const id of ids) {
    let source: string;
    try {
      source = await readFile(path.join(templatesDir, id, 'template.md'), 'utf8');
    } catch (error) {
      // A folder without a template is not a template.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      result.failed.push({ id, message: (error as Error).message });
      continue;
    }
    if ((await store.load(id)).length > 0) continue;
    const doc = new Y.Doc();
    try {
      templateToYDoc(parseTemplate(source, { file: `${id}/template.md`, expectedId: id }), doc);
      await store.append(id, Y.encodeStateAsUpdate(doc), { origin: 'seed' });
      result.seeded.push(id);
    } catch (error) {
      result.failed.push({ id, message: error instanceof Error ? error.message : String(error) });
    } finally {
      doc.destroy();
    }
  }
  return result;
}
