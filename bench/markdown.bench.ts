import { parseTemplate, serializeTemplate } from '@clausewright/markdown';
import type { Clause, Template } from '@clausewright/model';
import type { Bench } from './harness.ts';
import { thousandClauses } from './model.bench.ts';

/** The 1,000-clause tree with a field, a filtered field and a reference in every clause. */
export function thousandClauseTemplate(): Template {
  const clauses = thousandClauses();
  const dress = (list: Clause[]) => {
    for (const c of list) {
      c.content = [
        { type: 'text', text: `甲方应于本条约定期限内支付人民币` },
        { type: 'field', key: 'amount' },
        { type: 'text', text: '元（大写：' },
        { type: 'field', key: 'amount', filter: 'rmb_upper' },
        { type: 'text', text: '），逾期按照' },
        { type: 'ref', target: 'c1' },
        { type: 'text', text: '的约定承担违约责任。' },
      ];
      dress(c.children);
    }
  };
  dress(clauses);
  return {
    meta: { schemaVersion: 1, id: 'bench-1000', title: '基准合同', locale: 'zh-CN', numbering: 'zh-article' },
    fields: { amount: { label: '合同金额', type: 'money', required: true } },
    body: [
      { type: 'heading', level: 1, content: [{ type: 'text', text: '基准合同' }] },
      { type: 'clauses', clauses },
    ],
  };
}

export default async function markdownBench(bench: Bench): Promise<void> {
  const template = thousandClauseTemplate();
  const source = serializeTemplate(template);
  await bench.time('parse.1000', () => parseTemplate(source, { file: 'bench.md' }), {
    runs: 50,
    warmup: 10,
    target: 50,
  });
  const parsed = parseTemplate(source, { file: 'bench.md' });
  await bench.time('serialize.1000', () => serializeTemplate(parsed), { runs: 50, warmup: 10, target: 50 });
}
