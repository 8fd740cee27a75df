import { parseTemplate } from '@clausewright/markdown';
import type { Template } from '@clausewright/model';

/** A template from Clause Markdown body lines, with a small default front matter (fields a, b, flag, kind). */
export function md(
  body: string,
  front: { title?: string; locale?: string; numbering?: string; fields?: string } = {},
): Template {
  const fields =
    front.fields ??
    `  a:
    label: 甲方
    type: text
  b:
    label: 金额
    type: money
  flag:
    label: 有押金
    type: boolean
  kind:
    label: 方式
    type: choice
    options: [按月, 一次]`;
  const source = `---
schemaVersion: 1
id: t
title: ${front.title ?? '合同'}
locale: ${front.locale ?? 'zh-CN'}
numbering: ${front.numbering ?? 'zh-article'}
fields:
${fields}
---

${body}
`;
  return parseTemplate(source);
}
