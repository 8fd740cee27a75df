import type { Locale, NumberingScheme, Problem } from '@clausewright/model';
import { ApiError } from '../api.ts';

/** A new blank template, or one imported from Clause Markdown. */
export type NewTemplate = { title: string; locale?: Locale; numbering?: NumberingScheme } | { markdown: string };

/** A template as the list shows it (`GET /api/templates`). */
export interface ListedTemplate {
  id: string;
  title: string;
  locale?: Locale | null;
  numbering?: NumberingScheme | null;
  updatedAt?: string;
}

// Interim until client/src/api.ts (server helper) exports createTemplate; same contract: POST /api/templates.
export async function createTemplate(body: NewTemplate): Promise<ListedTemplate> {
  const res = await fetch('/api/templates', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.ok) return res.json();
  let message = `${res.status} ${res.statusText}`;
  let problems: Problem[] = [];
  try {
    const data = (await res.json()) as { error?: string; problems?: Problem[] };
    if (data.error) message = data.error;
    if (Array.isArray(data.problems)) problems = data.problems;
  } catch {
    // Not our JSON: keep the status line.
  }
  throw new ApiError(res.status, message, problems);
}
