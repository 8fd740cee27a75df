import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseTemplate, TemplateSyntaxError } from '@clausewright/markdown';
import type { Template } from '@clausewright/model';
import { UsageError } from './UsageError.ts';

export interface LoadedTemplate {
  template: Template;
  /** The template.md path, as the user gave it, for messages. */
  file: string;
  /** The template's folder, where sample.values.json lives. */
  dir: string;
  /** The file's text, e.g. to tell which clause ids were written and which generated. */
  source: string;
}

/** Reads a template from its folder or its .md file; syntax errors become a UsageError listing every problem. */
export function loadTemplate(path: string): LoadedTemplate {
  let file = path;
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`${path}: no such template folder or file`);
  }
  if (stat.isDirectory()) file = join(path, 'template.md');
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`${file}: cannot read the template file`);
  }
  // The id must match the folder only for the standard layout <id>/template.md.
  const expectedId = basename(file) === 'template.md' ? basename(dirname(file)) : undefined;
  try {
    return {
      template: parseTemplate(source, { file, ...(expectedId ? { expectedId } : {}) }),
      file,
      dir: dirname(file),
      source,
    };
  } catch (e) {
    if (e instanceof TemplateSyntaxError) throw new UsageError(e.message);
    throw e;
  }
}
