import { HttpError } from '../HttpError.ts';

/** The two sides of `GET /diff`: a version number or `draft` each. */
export interface DiffQuery {
  from: string;
  to: string;
}

const SIDE = /^(draft|[1-9]\d{0,14})$/;

/**
 * Reads `?from=<n|draft>&to=<n|draft>` (`to` defaults to the draft); throws a 400 HttpError naming the parameter.
 */
export function parseDiffQuery(url: string): DiffQuery {
  const query = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
  const from = query.get('from');
  const to = query.get('to') ?? 'draft';
  if (from === null) throw new HttpError(400, '"from" is required: a version number or "draft"');
  if (!SIDE.test(from)) throw new HttpError(400, `"from" must be a version number or "draft", got "${from}"`);
  if (!SIDE.test(to)) throw new HttpError(400, `"to" must be a version number or "draft", got "${to}"`);
  return { from, to };
}
