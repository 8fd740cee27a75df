import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseTemplate } from '@clausewright/markdown';
import type { DocumentStore } from '../storage/DocumentStore.ts';
import { storeNewTemplate } from './storeNewTemplate.ts';

/** What `seedTemplates` did. */
export interface SeedResult {
  /** Template ids imported now. */
  seeded: string[];
  /** Templates that could not be read or parsed; they stay unseeded. */
  failed: { id: string; message: string }[];
}

/**
 * Imports every `<templatesDir>/<id>/template.md` whose document has nothing stored yet, as one Yjs update holding
 * the whole template, with its list summary. Documents that already have updates are left alone, so it is safe on every start.
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
    // The summary row exists for every document with updates: no log is read for templates already stored.
    if (await store.summary(id)) continue;
    try {
      const template = parseTemplate(source, { file: `${id}/template.md`, expectedId: id });
      if (await storeNewTemplate(store, template)) result.seeded.push(id);
    } catch (error) {
      result.failed.push({ id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
