import type { Locale, NumberingScheme, Problem, SourceProblem, Template, TemplateSummary } from '@clausewright/model';

import { goToLogin } from './auth/goToLogin.ts';

export type { SourceProblem, TemplateSummary };

/** One template draft as `GET /api/templates` lists it. */
export interface TemplateListItem {
  id: string;
  title: string;
  locale: Locale;
  numbering: NumberingScheme;
  /** ISO 8601: when the draft last changed. */
  updatedAt: string;
}

/** `GET /api/templates/:id`: the list row plus counts of the current draft. */
export interface TemplateMeta extends TemplateListItem {
  clauses: number;
  fields: number;
  /** The caller's role on the template (a global admin is owner everywhere). */
  role: 'owner' | 'editor' | 'viewer';
}

/** What `createTemplate` posts: a blank template (one empty clause), or Clause Markdown to import. */
export type NewTemplateRequest =
  | { title: string; locale?: Locale; numbering?: NumberingScheme; id?: string }
  | { markdown: string };

export type Format = 'html' | 'txt' | 'docx';

/** A failed request: the server's `{ error, problems? }`, or the network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly problems: Problem[];

  constructor(status: number, message: string, problems: Problem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problems = problems;
  }
}

/**
 * Fetches an API path; a non-2xx answer throws ApiError with the server's message and problems. A 401 (the session
 * ended or never was) also sends the page to the login page, which comes back here once logged in.
 */
export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(path, init);
  if (res.ok) return res;
  // A failed login is the login page's own answer, not a reason to go there.
  if (res.status === 401 && !path.startsWith('/api/session')) goToLogin();
  let message = `${res.status} ${res.statusText}`;
  let problems: Problem[] = [];
  try {
    const body = (await res.json()) as { error?: string; problems?: Problem[] };
    if (body.error) message = body.error;
    if (Array.isArray(body.problems)) problems = body.problems;
  } catch {
    // Not our JSON (e.g. the proxy's own error page when the server is down): keep the status line.
  }
  throw new ApiError(res.status, message, problems);
}

/** POSTs a JSON body through {@link request}. */
export const postJson = (path: string, body: unknown, signal?: AbortSignal): Promise<Response> =>
  request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });

/** `/api/templates/<id>`, the id encoded. */
export const templatePath = (id: string) => `/api/templates/${encodeURIComponent(id)}`;

/** Every template draft in the server's store. */
export async function fetchTemplates(signal?: AbortSignal): Promise<TemplateListItem[]> {
  return (await request('/api/templates', signal ? { signal } : {})).json();
}

/**
 * Creates a template and returns its list row (with the id to open). Throws ApiError: 400 bad input, 409 the id is
 * taken, 422 Clause Markdown with errors (`problems` carry file, line and column).
 */
export async function createTemplate(body: NewTemplateRequest, signal?: AbortSignal): Promise<TemplateListItem> {
  return (await postJson('/api/templates', body, signal)).json();
}

/** Title, locale, numbering, last change and clause/field counts of the current draft. */
export async function fetchTemplateMeta(id: string, signal?: AbortSignal): Promise<TemplateMeta> {
  return (await request(templatePath(id), signal ? { signal } : {})).json();
}

/** The current draft as the model's Template (what the preview renders). */
export async function fetchTemplate(id: string, signal?: AbortSignal): Promise<Template> {
  return (await request(`${templatePath(id)}/model`, signal ? { signal } : {})).json();
}
