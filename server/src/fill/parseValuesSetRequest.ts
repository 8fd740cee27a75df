import { HttpError } from '../HttpError.ts';
import { byField, expectObject, objectField, versionField } from '../parseRenderRequest.ts';
import type { NewValuesSet, ValuesSetPatch, VersionRef } from '../storage/DocumentStore.ts';

/** Longest values set name, in characters. */
export const MAX_SET_NAME_LENGTH = 200;

function nameField(body: Record<string, unknown>): string | undefined {
  const value = body.name;
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new HttpError(400, '"name" must be a string');
  const name = value.trim();
  const length = [...name].length;
  if (length === 0 || length > MAX_SET_NAME_LENGTH) {
    throw new HttpError(400, `"name" must be 1–${MAX_SET_NAME_LENGTH} characters`);
  }
  return name;
}

// A set may remember no version in particular: null.
function setVersionField(body: Record<string, unknown>): VersionRef | null | undefined {
  return body.version === null ? null : versionField(body);
}

/**
 * Validates `POST /values` bodies: `{ name, values, version?, by? }`, the name trimmed. Values must be a JSON object
 * but are not checked against the fields: a set may be half filled.
 */
export function parseNewValuesSet(raw: unknown): Omit<NewValuesSet, 'templateId'> {
  const body = expectObject(raw);
  const name = nameField(body);
  if (name === undefined) throw new HttpError(400, '"name" is required (a string)');
  const values = objectField(body, 'values');
  if (values === undefined) throw new HttpError(400, '"values" is required (a JSON object)');
  return { name, values, version: setVersionField(body) ?? null, by: byField(body) };
}

/** Validates `PUT /values/:setId` bodies: any of `{ name, version, values }`, at least one. */
export function parseValuesSetPatch(raw: unknown): ValuesSetPatch {
  const body = expectObject(raw);
  const patch: ValuesSetPatch = {};
  const name = nameField(body);
  if (name !== undefined) patch.name = name;
  const version = setVersionField(body);
  if (version !== undefined) patch.version = version;
  const values = objectField(body, 'values');
  if (values !== undefined) patch.values = values;
  if (Object.keys(patch).length === 0) throw new HttpError(400, 'give at least one of "name", "version", "values"');
  return patch;
}
