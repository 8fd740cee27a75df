import type { JSONContent } from '@tiptap/core';

/**
 * A 1,000-clause editor document shaped like a long contract: 50 articles of 19 sections (every third with two
 * sub-clauses' worth of depth), each clause a sentence, every tenth clause citing another.
 */
export function thousandClauseDoc(): JSONContent {
  const content: JSONContent[] = [];
  let n = 0;
  const add = (level: number) => {
    n++;
    const inline: JSONContent[] = [{ type: 'text', text: `Clause ${n} says what the parties agreed on, at length.` }];
    if (n % 10 === 0) inline.push({ type: 'clauseRef', attrs: { target: `c${n - 7}` } });
    content.push({ type: 'clause', attrs: { id: `c${n}`, level }, content: inline });
  };
  while (n < 1000) {
    add(1);
    for (let s = 0; s < 14 && n < 997; s++) {
      add(2);
      if (s % 3 === 0) {
        add(3);
        add(3);
      }
    }
  }
  return { type: 'doc', content: content.slice(0, 1000) };
}
