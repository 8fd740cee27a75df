import type { Route } from '../routing/parseRoute.ts';
import type { ClauseHistory } from './historyApi.ts';

/**
 * Where one entry of a clause's history leads: the diff of that version against the one before it, the latest
 * version against the draft for a draft change, or the version itself when it is the first (nothing to compare).
 */
export function clauseChangeRoute(
  templateId: string,
  change: ClauseHistory['changes'][number],
  history: Pick<ClauseHistory, 'since'>,
  versions: readonly number[],
): Route | null {
  if (change.version === 'draft') {
    const latest = history.since.version;
    return latest === null ? null : { page: 'diff', id: templateId, from: latest, to: 'draft' };
  }
  const n = change.version;
  // Versions are numbered 1, 2, 3…, but the list is what the server has, so take the one truly before.
  const previous = versions.filter((v) => v < n).reduce<number | null>((a, v) => (a === null || v > a ? v : a), null);
  return previous === null
    ? { page: 'version', id: templateId, version: n }
    : { page: 'diff', id: templateId, from: previous, to: n };
}
