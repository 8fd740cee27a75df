import type { IndexedClause } from './indexClauses.ts';
import { longestIncreasing } from './longestIncreasing.ts';
import { similarity } from './similarity.ts';
import type { DiffOptions } from './TemplateDiff.ts';

/** Above this many candidate pairs in one gap, pairing is greedy in order instead of an optimal alignment. */
const MAX_ALIGN = 10_000;

/**
 * Pairs old and new clauses: by id, then (with `matchBy: 'position'`) the remaining generated-id clauses between
 * the same id-matched neighbours by text similarity, order kept. Returns, per new clause, its old clause's
 * position or -1.
 */
export function matchClauses(
  oldList: readonly IndexedClause[],
  newList: readonly IndexedClause[],
  options: DiffOptions = {},
): Int32Array {
  const newToOld = new Int32Array(newList.length).fill(-1);
  const oldById = new Map<string, number>();
  for (let i = oldList.length - 1; i >= 0; i--) oldById.set((oldList[i] as IndexedClause).id, i);
  const oldTaken = new Uint8Array(oldList.length);
  for (let j = 0; j < newList.length; j++) {
    const i = oldById.get((newList[j] as IndexedClause).id) ?? -1;
    // A duplicated id (a live draft can hold one for a moment) pairs once, first with first; the copy is added.
    if (i < 0 || oldTaken[i]) continue;
    newToOld[j] = i;
    oldTaken[i] = 1;
  }
  if (options.matchBy !== 'position') return newToOld;

  const generated = options.isGeneratedId ?? (() => true);
  const threshold = options.similarity ?? 0.5;

  // Anchors: id matches that keep document order on both sides; unmatched clauses between two anchors pair up.
  const matched: number[] = [];
  for (let j = 0; j < newList.length; j++) if ((newToOld[j] as number) >= 0) matched.push(j);
  const keep = longestIncreasing(matched.map((j) => newToOld[j] as number));
  const anchors = matched.filter((_, k) => keep.has(k));
  let oldFrom = 0;
  let newFrom = 0;
  for (const anchor of [...anchors, newList.length]) {
    const oldTo = anchor < newList.length ? (newToOld[anchor] as number) : oldList.length;
    const olds: number[] = [];
    const news: number[] = [];
    for (let i = oldFrom; i < oldTo; i++) {
      if (!oldTaken[i] && generated((oldList[i] as IndexedClause).id, 'old')) olds.push(i);
    }
    for (let j = newFrom; j < anchor; j++) {
      if ((newToOld[j] as number) < 0 && generated((newList[j] as IndexedClause).id, 'new')) news.push(j);
    }
    if (olds.length > 0 && news.length > 0) {
      const score = (i: number, j: number) =>
        similarity((oldList[i] as IndexedClause).text, (newList[j] as IndexedClause).text);
      const pairs =
        olds.length * news.length <= MAX_ALIGN
          ? align(olds, news, score, threshold)
          : greedy(olds, news, score, threshold);
      for (const [i, j] of pairs) {
        newToOld[j] = i;
        oldTaken[i] = 1;
      }
    }
    oldFrom = oldTo + 1;
    newFrom = anchor + 1;
  }
  return newToOld;
}

type Score = (oldPos: number, newPos: number) => number;

// Order-preserving pairing that maximises the summed similarity of pairs at or above the threshold.
function align(olds: number[], news: number[], score: Score, threshold: number): [number, number][] {
  const n = olds.length;
  const m = news.length;
  const best = new Float64Array((n + 1) * (m + 1));
  const sims = new Float64Array(n * m);
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = score(olds[i] as number, news[j] as number);
      sims[i * m + j] = s;
      const pair = s >= threshold ? s + (best[at(i + 1, j + 1)] as number) : -1;
      best[at(i, j)] = Math.max(pair, best[at(i + 1, j)] as number, best[at(i, j + 1)] as number);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = sims[i * m + j] as number;
    if (s >= threshold && best[at(i, j)] === s + (best[at(i + 1, j + 1)] as number)) {
      pairs.push([olds[i] as number, news[j] as number]);
      i++;
      j++;
    } else if (best[at(i, j)] === best[at(i + 1, j)]) i++;
    else j++;
  }
  return pairs;
}

// Large gaps: each new clause takes the first similar old clause within a short window after the last pair.
function greedy(olds: number[], news: number[], score: Score, threshold: number): [number, number][] {
  const pairs: [number, number][] = [];
  let from = 0;
  for (const j of news) {
    for (let k = from; k < olds.length && k < from + 20; k++) {
      if (score(olds[k] as number, j) >= threshold) {
        pairs.push([olds[k] as number, j]);
        from = k + 1;
        break;
      }
    }
  }
  return pairs;
}
