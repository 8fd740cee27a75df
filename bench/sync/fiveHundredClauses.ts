import type { Clause, Template } from '@clausewright/model';

/**
 * A 500-clause contract: 50 articles of 9 sections each, every clause a sentence of ordinary length with a field,
 * a filtered field and a cross-reference, the shape of a long real template.
 */
export function fiveHundredClauses(id: string): Template {
  let n = 0;
  const clause = (children: Clause[] = []): Clause => {
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
        { type: 'text', text: '的约定承担违约责任，并赔偿由此给对方造成的全部损失。' },
      ],
      paragraphs: [],
      children,
    };
  };
  const articles: Clause[] = [];
  for (let a = 0; a < 50; a++) {
    const article = clause();
    for (let s = 0; s < 9; s++) article.children.push(clause());
    articles.push(article);
  }
  return {
    meta: { schemaVersion: 1, id, title: '五百条基准合同', locale: 'zh-CN', numbering: 'zh-article' },
    fields: { amount: { label: '服务费', type: 'money', required: true } },
    body: [
      { type: 'heading', level: 1, content: [{ type: 'text', text: '五百条基准合同' }] },
      { type: 'clauses', clauses: articles },
    ],
  };
}
