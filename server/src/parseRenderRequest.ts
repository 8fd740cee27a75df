import { HttpError } from './HttpError.ts';
import { RENDER_FORMATS, type RenderFormat, type RenderRequest } from './renderFile.ts';
import type { VersionRef } from './storage/DocumentStore.ts';

/** Longest `by` name, in characters (the same limit as a version's author). */
export const MAX_BY_LENGTH = 80;

export function expectObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

export function objectField(body: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, `"${key}" must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

function booleanField(body: Record<string, unknown>, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || typeof value === 'boolean') return value;
  throw new HttpError(400, `"${key}" must be true or false`);
}

/** `version`: a version number (a positive integer) or `"draft"`; undefined when absent. */
export function versionField(body: Record<string, unknown>, key = 'version'): VersionRef | undefined {
  const value = body[key];
  if (value === undefined || value === 'draft') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return value;
  throw new HttpError(400, `"${key}" must be a version number (1, 2, …) or "draft"`);
}

/** `by`: who acts, a display name, trimmed; null when absent, null or blank. */
export function byField(body: Record<string, unknown>): string | null {
  const value = body.by;
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new HttpError(400, '"by" must be a string');
  const by = value.trim();
  if ([...by].length > MAX_BY_LENGTH) throw new HttpError(400, `"by" must be at most ${MAX_BY_LENGTH} characters`);
  return by || null;
}

/**
 * Validates a render request body: `{ format, values?, version?, strict?, mode?, by?, standalone? }`; throws a 400
 * HttpError naming the field. `strict` defaults to true, except for html: an html request that says neither `strict`
 * nor `mode` is a preview, as the editor's live preview has always asked for it.
 */
export function parseRenderRequest(raw: unknown): RenderRequest {
  const body = expectObject(raw);
  const format = body.format;
  if (typeof format !== 'string' || !(RENDER_FORMATS as readonly string[]).includes(format)) {
    throw new HttpError(400, `"format" must be one of ${RENDER_FORMATS.join(', ')}`);
  }
  let strict = booleanField(body, 'strict');
  // `mode` says the same as `strict`, in the model's words; a request giving both must not contradict itself.
  const mode = body.mode;
  if (mode !== undefined) {
    if (mode !== 'draft' && mode !== 'strict') throw new HttpError(400, '"mode" must be "draft" or "strict"');
    if (strict !== undefined && strict !== (mode === 'strict')) {
      throw new HttpError(400, '"mode" and "strict" disagree');
    }
    strict = mode === 'strict';
  }
  const request: RenderRequest = {
    format: format as RenderFormat,
    values: objectField(body, 'values') ?? {},
    strict: strict ?? format !== 'html',
    by: byField(body),
  };
  const version = versionField(body);
  if (version !== undefined) request.version = version;
  const standalone = booleanField(body, 'standalone');
  if (standalone !== undefined) request.standalone = standalone;
  return request;
}

/** Validates a check request body: `{ values? }`, an empty body meaning no values. */
export function parseCheckRequest(raw: unknown): { values?: Record<string, unknown> } {
  if (raw === undefined) return {};
  const values = objectField(expectObject(raw), 'values');
  return values ? { values } : {};
}
