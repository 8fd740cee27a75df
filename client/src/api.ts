import type { Problem, SourceProblem, Template, TemplateSummary } from '@clausewright/model';

export type { SourceProblem, TemplateSummary };

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

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(path, init);
  if (res.ok) return res;
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

const postJson = (path: string, body: unknown, signal?: AbortSignal): Promise<Response> =>
  request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });

const templatePath = (id: string) => `/api/templates/${encodeURIComponent(id)}`;

export async function fetchTemplates(signal?: AbortSignal): Promise<TemplateSummary[]> {
  return (await request('/api/templates', signal ? { signal } : {})).json();
}

export async function fetchFormats(signal?: AbortSignal): Promise<Format[]> {
  const body = (await (await request('/api/formats', signal ? { signal } : {})).json()) as { formats: Format[] };
  return body.formats;
}

export async function fetchTemplate(id: string, signal?: AbortSignal): Promise<Template> {
  return (await request(templatePath(id), signal ? { signal } : {})).json();
}

/** The example values kept beside a template, or null when it has none. */
export async function fetchSampleValues(id: string, signal?: AbortSignal): Promise<Record<string, unknown> | null> {
  try {
    return await (await request(`${templatePath(id)}/sample-values`, signal ? { signal } : {})).json();
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/** The draft preview as an HTML fragment (gaps marked, never refused). */
export async function renderPreview(id: string, values: object, signal?: AbortSignal): Promise<string> {
  return (await postJson(`${templatePath(id)}/render`, { format: 'html', values }, signal)).text();
}

/** Everything that would stop the document being issued with these values. */
export async function checkValues(id: string, values: object, signal?: AbortSignal): Promise<Problem[]> {
  const body = (await (await postJson(`${templatePath(id)}/check`, { values }, signal)).json()) as {
    problems: Problem[];
  };
  return body.problems;
}

/** Renders a draft file, e.g. the .docx, as a Blob to download. */
export async function renderFile(id: string, format: Format, values: object): Promise<Blob> {
  return (await postJson(`${templatePath(id)}/render`, { format, values })).blob();
}
