import type { Clause } from '@clausewright/model';
import { numberClauses } from '@clausewright/model';
import type { Bench } from './harness.ts';

/** 1,000 clauses shaped like a long contract: 50 articles × (1 + 19 sections, some with sub-clauses). */
export function thousandClauses(): Clause[] {
  let n = 0;
  const make = (children: Clause[] = []): Clause => ({
    id: `c${++n}`,
    content: [{ type: 'text', text: `clause ${n}` }],
    paragraphs: [],
    children,
  });
  const articles: Clause[] = [];
  while (n < 1000) {
    const sections: Clause[] = [];
    for (let s = 0; s < 14 && n < 995; s++) sections.push(make(s % 3 === 0 ? [make(), make()] : []));
    articles.push(make(sections));
  }
  return articles;
}

export default async function modelBench(bench: Bench): Promise<void> {
  const clauses = thousandClauses();
  let count = 0;
  const walk = (list: Clause[]) => {
    for (const c of list) {
      count++;
      walk(c.children);
    }
  };
  walk(clauses);
  if (count < 1000) throw new Error(`expected ≥ 1000 clauses, built ${count}`);
  await bench.time('numbering.1000', () => numberClauses(clauses, 'zh-article'), { runs: 500, warmup: 50, target: 1 });
}
