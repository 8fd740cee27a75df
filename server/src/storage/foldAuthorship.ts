import * as Y from 'yjs';
import type { AuthorshipRange } from './DocumentStore.ts';

/** One stored update with who sent it, as the store reads it back. */
export interface AttributedUpdate {
  update: Uint8Array;
  origin: string | null;
  createdAt: number;
}

/** Origins the store writes itself: a compacted state is folded already, so it names no author. */
const NOT_AUTHORS = new Set(['compaction']);

/**
 * Adds the item ids each update inserted and deleted to `ranges`, attributed to its origin, and merges runs of one
 * author, kind and client that touch or overlap. Pure: returns a new sorted list. Updates without an origin, and
 * compacted states, are skipped.
 */
export function foldAuthorship(
  ranges: readonly AuthorshipRange[],
  updates: readonly AttributedUpdate[],
): AuthorshipRange[] {
  const all = [...ranges];
  for (const { update, origin, createdAt } of updates) {
    if (origin === null || NOT_AUTHORS.has(origin)) continue;
    const { structs, ds } = Y.decodeUpdate(update);
    const at = { author: origin, firstAt: createdAt, lastAt: createdAt };
    for (const struct of structs) {
      // Skips are gaps, not content; GC structs are items this session sent already deleted, still its writing.
      if (struct instanceof Y.Skip) continue;
      all.push({
        ...at,
        kind: 'insert',
        client: struct.id.client,
        from: struct.id.clock,
        to: struct.id.clock + struct.length,
      });
    }
    for (const [client, deletes] of ds.clients) {
      for (const d of deletes) all.push({ ...at, kind: 'delete', client, from: d.clock, to: d.clock + d.len });
    }
  }
  return mergeRuns(all);
}

function mergeRuns(ranges: AuthorshipRange[]): AuthorshipRange[] {
  ranges.sort(
    (a, b) =>
      a.author.localeCompare(b.author) ||
      a.kind.localeCompare(b.kind) ||
      a.client - b.client ||
      a.from - b.from ||
      a.to - b.to,
  );
  const merged: AuthorshipRange[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (
      last &&
      last.author === range.author &&
      last.kind === range.kind &&
      last.client === range.client &&
      range.from <= last.to
    ) {
      last.to = Math.max(last.to, range.to);
      last.firstAt = Math.min(last.firstAt, range.firstAt);
      last.lastAt = Math.max(last.lastAt, range.lastAt);
    } else {
      merged.push({ ...range });
    }
  }
  return merged;
}
