import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTemplate } from '@clausewright/markdown';
import type { Template, Values } from '@clausewright/model';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface TemplateDir {
  id: string;
  template: Template;
  /** Its `sample.values.json`. */
  values: Values;
}

/** The seed contract, 微信小程序服务合同书. */
export const SEED_ID = 'wechat-miniprogram-service';

/** `templates/<id>/template.md`, parsed, with its `sample.values.json`; throws if either is missing. */
export function loadTemplateDir(id: string): TemplateDir {
  const file = `templates/${id}/template.md`;
  const valuesFile = `templates/${id}/sample.values.json`;
  for (const f of [file, valuesFile]) if (!existsSync(join(root, f))) throw new Error(`${f} is missing`);
  const template = parseTemplate(readFileSync(join(root, file), 'utf8'), { file, expectedId: id });
  const values = JSON.parse(readFileSync(join(root, valuesFile), 'utf8')) as Values;
  return { id, template, values };
}
