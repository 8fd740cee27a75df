import type { ClauseEntry } from './listClauses.ts';

/**
 * The clauses a `[[` query picks: label matches first (so "2-1" finds clause 2-1 before clauses mentioning it), then
 * text or id matches, each in document order; an empty query lists every clause. At most `limit` rows.
 */
export function matchClauses(clauses: readonly ClauseEntry[], query: string, limit = 50): ClauseEntry[] {
  const q = query.trim().toLowerCase();
  if (q === '') return clauses.slice(0, limit);
  const byLabel: ClauseEntry[] = [];
  const byText: ClauseEntry[] = [];
  for (const clause of clauses) {
    if (clause.label.toLowerCase().startsWith(q)) byLabel.push(clause);
    else if (
      clause.text.toLowerCase().includes(q) ||
      clause.id.toLowerCase().includes(q) ||
      clause.label.toLowerCase().includes(q)
    )
      byText.push(clause);
  }
  return [...byLabel, ...byText].slice(0, limit);
}
