import { serializeTemplate } from '@clausewright/markdown';
import type { Clause } from '@clausewright/model';
import { E2E_ADMIN } from '../../client/e2e/harness/index.ts';
import { thousandClauseTemplate } from '../markdown.bench.ts';

function countClauses(list: Clause[]): number {
  return list.reduce((n, c) => n + 1 + countClauses(c.children), 0);
}

/**
 * Imports the 1,000-clause benchmark contract (levels 1–3, two fields and a reference in every clause) through
 * `POST /api/templates` as Clause Markdown (logged in as the harness's admin); returns its id and clause count.
 */
export async function createThousandClauseTemplate(baseUrl: string): Promise<{ id: string; clauses: number }> {
  const template = thousandClauseTemplate();
  const clauses = template.body.reduce(
    (n, block) => n + (block.type === 'clauses' ? countClauses(block.clauses) : 0),
    0,
  );
  const login = await fetch(`${baseUrl}/api/session`, { method: 'POST', body: JSON.stringify(E2E_ADMIN) });
  if (!login.ok) throw new Error(`admin login answered ${login.status}: ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const res = await fetch(`${baseUrl}/api/templates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ markdown: serializeTemplate(template) }),
  });
  if (res.status !== 201) throw new Error(`POST /api/templates answered ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  return { id, clauses };
}
