import type { Block } from '@clausewright/model';
import { diffArrays } from 'diff';
import { diffText } from './diffText.ts';
import { flattenInlines } from './flattenInlines.ts';
import { similarity } from './similarity.ts';
import type { BlockDiff } from './TemplateDiff.ts';

interface Item {
  index: number;
  type: BlockDiff['type'];
  text: string;
  /** Type, text and marks: equal keys mean an unchanged block. */
  key: string;
}

/**
 * Headings, paragraphs and tables compared as a sequence (jsdiff over their content); within each changed stretch,
 * removed and added blocks of the same type are paired in order when similar enough, and reported as modified.
 */
export function diffBlocks(oldBody: readonly Block[], newBody: readonly Block[], threshold = 0.5): BlockDiff[] {
  const olds = items(oldBody);
  const news = items(newBody);
  const parts = diffArrays(olds, news, { comparator: (a, b) => a.key === b.key });
  const out: BlockDiff[] = [];
  let removed: Item[] = [];
  let added: Item[] = [];
  let oi = 0;
  let ni = 0;
  const flush = () => {
    let r = 0;
    for (const add of added) {
      let k = r;
      while (k < removed.length) {
        const rem = removed[k] as Item;
        if (rem.type === add.type && similarity(rem.text, add.text) >= threshold) break;
        k++;
      }
      if (k < removed.length) {
        for (; r < k; r++) out.push(gone(removed[r] as Item));
        const rem = removed[r++] as Item;
        out.push({
          status: 'modified',
          type: add.type,
          oldIndex: rem.index,
          newIndex: add.index,
          oldText: rem.text,
          newText: add.text,
          text: diffText(rem.text, add.text),
        });
      } else out.push({ status: 'added', type: add.type, newIndex: add.index, newText: add.text });
    }
    for (; r < removed.length; r++) out.push(gone(removed[r] as Item));
    removed = [];
    added = [];
  };
  for (const part of parts) {
    if (part.removed) {
      removed.push(...olds.slice(oi, oi + part.count));
      oi += part.count;
    } else if (part.added) {
      added.push(...news.slice(ni, ni + part.count));
      ni += part.count;
    } else {
      flush();
      for (let k = 0; k < part.count; k++) {
        const a = olds[oi++] as Item;
        const b = news[ni++] as Item;
        out.push({
          status: 'unchanged',
          type: a.type,
          oldIndex: a.index,
          newIndex: b.index,
          oldText: a.text,
          newText: b.text,
        });
      }
    }
  }
  flush();
  return out;
}

function gone(item: Item): BlockDiff {
  return { status: 'removed', type: item.type, oldIndex: item.index, oldText: item.text };
}

function items(body: readonly Block[]): Item[] {
  const out: Item[] = [];
  body.forEach((block, index) => {
    if (block.type === 'clauses') return;
    if (block.type === 'table') {
      const text = block.rows.map((row) => row.map((cell) => flattenInlines(cell)).join(' | ')).join('\n');
      const key = `table:${block.align.join(',')}:${block.rows.map((row) => row.map((c) => flattenInlines(c, true)).join('\u0004')).join('\u0005')}`;
      out.push({ index, type: 'table', text, key });
    } else {
      const prefix = block.type === 'heading' ? `${'#'.repeat(block.level)} ` : '';
      const text = prefix + flattenInlines(block.content);
      out.push({ index, type: block.type, text, key: `${block.type}:${prefix}${flattenInlines(block.content, true)}` });
    }
  });
  return out;
}
