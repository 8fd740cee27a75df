import { HttpError } from '../HttpError.ts';

/** The body of `POST /api/templates/:id/clauses/:clauseId/restore`: `{ version }`, a positive integer. */
export function parseRestoreClauseRequest(body: unknown): { version: number } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'the body must be a JSON object { version }');
  }
  const { version } = body as { version?: unknown };
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    throw new HttpError(400, '"version" must be a positive integer');
  }
  return { version };
}
