import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Template, Values } from '@clausewright/model';
import { legalEnTemplate, seedTemplate, seedValues } from './docxTemplates.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const MARKDOWN = join(root, 'packages/markdown/src/index.ts');

export interface LoadedTemplate {
  template: Template;
  values: Values;
  /** Where the template came from, for test and benchmark output. */
  source: string;
}

type ParseTemplate = (source: string, options: { file: string; expectedId: string }) => Template;

// Imported by path while @clausewright/render does not list @clausewright/markdown as a dependency.
async function markdownParser(): Promise<ParseTemplate | undefined> {
  if (!existsSync(MARKDOWN)) return undefined;
  const markdown = (await import(pathToFileURL(MARKDOWN).href)) as { parseTemplate?: ParseTemplate };
  return typeof markdown.parseTemplate === 'function' ? markdown.parseTemplate : undefined;
}

/**
 * `templates/<id>` parsed with the markdown package's `parseTemplate`, with its sample values, once both
 * exist; until then the hand-built `fallback`.
 */
export async function loadTemplate(
  id: string,
  fallback: { template: Template; values: Values },
): Promise<LoadedTemplate> {
  const file = join(root, 'templates', id, 'template.md');
  const parse = existsSync(file) ? await markdownParser() : undefined;
  if (!parse) return { ...fallback, source: `built-in stand-in for templates/${id}` };
  const template = parse(readFileSync(file, 'utf8'), { file: relative(root, file), expectedId: id });
  const valuesFile = join(root, 'templates', id, 'sample.values.json');
  const values = existsSync(valuesFile) ? (JSON.parse(readFileSync(valuesFile, 'utf8')) as Values) : {};
  return { template, values, source: `templates/${id}` };
}

/** The seed contract, 微信小程序服务合同书. */
export function loadSeed(): Promise<LoadedTemplate> {
  return loadTemplate('wechat-miniprogram-service', { template: seedTemplate, values: seedValues });
}

/** The English `legal-en` contract. */
export function loadLegalEn(): Promise<LoadedTemplate> {
  return loadTemplate('software-services-agreement', {
    template: legalEnTemplate,
    values: { client: 'ACME Ltd', fee: '1200', address: 'Line 1\nLine 2' },
  });
}
