import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseTemplate, TemplateSyntaxError } from '@clausewright/markdown';
import { eachBodyClause, type SourceProblem, type Template, type TemplateSummary } from '@clausewright/model';

/** Example values kept beside a template, or why they could not be read. */
export type SampleValues =
  | { values: Record<string, unknown>; error?: undefined }
  | { values?: undefined; error: SourceProblem };

/** A loaded template, or the errors that stopped it loading. */
export type LibraryEntry =
  | { id: string; file: string; template: Template; errors?: undefined; sample?: SampleValues }
  | { id: string; file: string; template?: undefined; errors: SourceProblem[]; sample?: undefined };

/** The file every template folder holds. */
export const TEMPLATE_FILE = 'template.md';
/** Optional example values for a template: what a newcomer sees filled in. */
export const SAMPLE_FILE = 'sample.values.json';

/**
 * Every `<dir>/<id>/template.md`, parsed once at start-up and kept in memory. A broken template is kept
 * with its errors so it can be listed; it never stops the others from loading.
 */
export class TemplateLibrary {
  readonly dir: string;
  readonly #entries: Map<string, LibraryEntry>;

  private constructor(dir: string, entries: LibraryEntry[]) {
    this.dir = dir;
    this.#entries = new Map(entries.map((e) => [e.id, e]));
  }

  /** Loads every template folder of `dir` (sorted by id). Throws only when `dir` itself cannot be read. */
  static async load(dir: string): Promise<TemplateLibrary> {
    const root = path.resolve(dir);
    const dirents = await readdir(root, { withFileTypes: true });
    const ids = dirents
      .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
    const entries = await Promise.all(ids.map((id) => loadEntry(root, id)));
    return new TemplateLibrary(root, entries);
  }

  get(id: string): LibraryEntry | undefined {
    return this.#entries.get(id);
  }

  entries(): LibraryEntry[] {
    return [...this.#entries.values()];
  }

  /** Summaries in id order, broken templates included. */
  list(): TemplateSummary[] {
    return this.entries().map(summarize);
  }
}

async function loadEntry(root: string, id: string): Promise<LibraryEntry> {
  // Shown as `templates/<id>/template.md`, the path a contributor sees in the repository.
  const file = path.join(path.basename(root), id, TEMPLATE_FILE);
  let source: string;
  try {
    source = await readFile(path.join(root, id, TEMPLATE_FILE), 'utf8');
  } catch (e) {
    const message = (e as NodeJS.ErrnoException).code === 'ENOENT' ? `missing ${TEMPLATE_FILE}` : (e as Error).message;
    return { id, file, errors: [{ file, line: 1, column: 1, message }] };
  }
  let template: Template;
  try {
    template = parseTemplate(source, { file, expectedId: id });
  } catch (e) {
    if (e instanceof TemplateSyntaxError) {
      const errors = e.problems.map(({ line, column, message }) => ({ file, line, column, message }));
      return { id, file, errors };
    }
    // Anything else the parser throws is still this file's problem, not the server's.
    return { id, file, errors: [{ file, line: 1, column: 1, message: e instanceof Error ? e.message : String(e) }] };
  }
  const sample = await loadSample(root, id);
  return sample ? { id, file, template, sample } : { id, file, template };
}

async function loadSample(root: string, id: string): Promise<SampleValues | undefined> {
  const file = path.join(path.basename(root), id, SAMPLE_FILE);
  let text: string;
  try {
    text = await readFile(path.join(root, id, SAMPLE_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { error: { file, line: 1, column: 1, message: (e as Error).message } };
  }
  try {
    const values: unknown = JSON.parse(text);
    if (typeof values === 'object' && values !== null && !Array.isArray(values)) {
      return { values: values as Record<string, unknown> };
    }
    return { error: { file, line: 1, column: 1, message: 'sample values must be a JSON object' } };
  } catch (e) {
    return { error: { file, line: 1, column: 1, message: `invalid JSON: ${(e as Error).message}` } };
  }
}

function summarize(entry: LibraryEntry): TemplateSummary {
  if (!entry.template) {
    return { id: entry.id, title: entry.id, locale: null, numbering: null, clauses: 0, errors: entry.errors };
  }
  const { meta, body } = entry.template;
  let clauses = 0;
  for (const _ of eachBodyClause(body)) clauses++;
  return { id: entry.id, title: meta.title, locale: meta.locale, numbering: meta.numbering, clauses };
}
