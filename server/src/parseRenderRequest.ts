import { HttpError } from './HttpError.ts';
import { RENDER_FORMATS, type RenderFormat, type RenderRequest } from './renderFile.ts';

function expectObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

function objectField(body: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
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

/** Validates a render request body: `{ format, values?, mode?, strict?, standalone? }`; throws a 400 HttpError. */
export function parseRenderRequest(raw: unknown): RenderRequest {
  const body = expectObject(raw);
  const format = body.format;
  if (typeof format !== 'string' || !(RENDER_FORMATS as readonly string[]).includes(format)) {
    throw new HttpError(400, `"format" must be one of ${RENDER_FORMATS.join(', ')}`);
  }
  const request: RenderRequest = { format: format as RenderFormat };
  const values = objectField(body, 'values');
  if (values) request.values = values;
  const strict = booleanField(body, 'strict');
  if (strict !== undefined) request.strict = strict;
  // `mode` says the same as `strict`, in the model's words; a request giving both must not contradict itself.
  const mode = body.mode;
  if (mode !== undefined) {
    if (mode !== 'draft' && mode !== 'strict') throw new HttpError(400, '"mode" must be "draft" or "strict"');
    if (strict !== undefined && strict !== (mode === 'strict')) {
      throw new HttpError(400, '"mode" and "strict" disagree');
    }
    request.strict = mode === 'strict';
  }
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
