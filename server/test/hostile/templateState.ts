import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTemplate } from '@clausewright/markdown';
import type { Clause, Template } from '@clausewright/model';
import { templateToYDoc } from '@clausewright/schema';
import * as Y from 'yjs';
import { REPO_TEMPLATES } from '../startApp.ts';

/** Ids of the repository's templates. */
export const REPO_TEMPLATE_IDS = readdirSync(REPO_TEMPLATES).filter((id) => !id.startsWith('.'));

/** A repository template, parsed. */
export function repoTemplate(id: string): Template {
  const source = readFileSync(path.join(REPO_TEMPLATES, id, 'template.md'), 'utf8');
  return parseTemplate(source, { file: `${id}/template.md`, expectedId: id });
}

/** A template as one encoded Yjs state, as the server stores a new one. */
export function templateState(template: Template): Uint8Array {
  const doc = new Y.Doc();
  templateToYDoc(template, doc);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** A contract of `count` clauses (articles of nine sections), each a sentence with fields and a reference. */
export function manyClauses(id: string, count: number): Template {
  let n = 0;
  const clause = (): Clause => {
    n++;
    return {
      id: `c${n}`,
      content: [
        { type: 'text', text: `第${n}项：甲方应于本条约定期限内向乙方支付服务费人民币` },
        { type: 'field', key: 'amount' },
        { type: 'text', text: '元（大写：' },
        { type: 'field', key: 'amount', filter: 'rmb_upper' },
        { type: 'text', text: '），逾期付款的，按照' },
        { type: 'ref', target: 'c1' },
        { type: 'text', text: '的约定承担违约责任。' },
      ],
      paragraphs: [],
      children: [],
    };
  };
  const articles: Clause[] = [];
  while (n < count) {
    const article = clause();
    for (let s = 0; s < 9 && n < count; s++) article.children.push(clause());
    articles.push(article);
  }
  return {
    meta: { schemaVersion: 1, id, title: `${count} 条基准合同`, locale: 'zh-CN', numbering: 'zh-article' },
    fields: { amount: { label: '服务费', type: 'money', required: true } },
    body: [
      { type: 'heading', level: 1, content: [{ type: 'text', text: `${count} 条基准合同` }] },
      { type: 'clauses', clauses: articles },
    ],
  };
}
