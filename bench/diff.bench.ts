import { diffTemplates } from '@clausewright/diff';
import type { Clause, Template } from '@clausewright/model';
import type { Bench } from './harness.ts';
import { thousandClauseTemplate } from './markdown.bench.ts';

/** The 1,000-clause template and a copy with 5 % of its clauses changed: 46 text edits, a move, 2 adds, a remove. */
export function fivePercentChanged(): { before: Template; after: Template; changed: number } {
  const before = thousandClauseTemplate();
  const after = structuredClone(before);
  const block = after.body[1];
  if (block?.type !== 'clauses') throw new Error('expected the clause list second');
  const all: Clause[] = [];
  const walk = (list: Clause[]) => {
    for (const c of list) {
      all.push(c);
      walk(c.children);
    }
  };
  walk(block.clauses);
  // Text edits spread over the document: one word of every 21st clause.
  let edits = 0;
  for (let i = 10; i < all.length && edits < 46; i += 21, edits++) {
    const clause = all[i] as Clause;
    clause.content = clause.content.map((inline, k) =>
      k === 0 && inline.type === 'text' ? { ...inline, text: inline.text.replace('本条约定', '双方书面约定') } : inline,
    );
  }
  const articles = block.clauses;
  const first = articles[0] as Clause;
  const second = articles[1] as Clause;
  const third = articles[2] as Clause;
  // A move: the second section of article 2 goes to the end of article 3.
  const [moved] = second.children.splice(1, 1);
  if (moved) third.children.push(moved);
  // Adds: a new section in article 1 and a new article at the end.
  const fresh = (id: string): Clause => ({
    id,
    content: [{ type: 'text', text: `新增条款 ${id}` }],
    paragraphs: [],
    children: [],
  });
  first.children.splice(3, 0, fresh('new-1'));
  articles.push(fresh('new-2'));
  // A remove: the last section of article 10.
  articles[9]?.children.pop();
  return { before, after, changed: edits + 1 + 2 + 1 };
}

export default async function diffBench(bench: Bench): Promise<void> {
  const { before, after, changed } = fivePercentChanged();
  const check = diffTemplates(before, after);
  const s = check.summary;
  const seen = s.modified + s.moved + s.added + s.removed;
  if (seen !== changed) throw new Error(`expected ${changed} changed clauses, the diff found ${seen}`);
  await bench.time('diff.1000', () => diffTemplates(before, after), { runs: 100, warmup: 20, target: 50 });
  // Hand-written files: the same pair matched by position and similarity (ids as generated ids).
  await bench.time('diff.1000.position', () => diffTemplates(before, after, { matchBy: 'position' }), {
    runs: 100,
    warmup: 20,
  });
  // What the server sends: the diff as JSON.
  await bench.time('diff.1000.json', () => JSON.stringify(diffTemplates(before, after)), { runs: 100, warmup: 20 });
}
