import { HttpError } from '../HttpError.ts';

/** Shortest password accepted for a new or changed password. */
export const MIN_PASSWORD_LENGTH = 8;
/** Longest password accepted (scrypt reads all of it; nobody types more). */
export const MAX_PASSWORD_LENGTH = 1024;
/** Longest display name, in characters (as a version's author or a collab name). */
export const MAX_DISPLAY_NAME_LENGTH = 80;

const USERNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** A username as stored: trimmed and lowercased; 1–64 of a–z, 0–9, `.`, `_`, `-`, starting with a letter or digit. */
export function parseUsername(raw: unknown, field = 'username'): string {
  if (typeof raw !== 'string') throw new HttpError(400, `"${field}" is required (a string)`);
  const username = raw.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new HttpError(
      400,
      `"${field}" must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit`,
    );
  }
  return username;
}

/** A new password: a string of 8–1024 characters. */
export function parseNewPassword(raw: unknown, field = 'password'): string {
  if (typeof raw !== 'string') throw new HttpError(400, `"${field}" is required (a string)`);
  const length = [...raw].length;
  if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
    throw new HttpError(400, `"${field}" must be ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters`);
  }
  return raw;
}

/** A display name: trimmed, 1–80 characters. */
export function parseDisplayName(raw: unknown, field = 'displayName'): string {
  if (typeof raw !== 'string') throw new HttpError(400, `"${field}" must be a string`);
  const name = raw.trim();
  const length = [...name].length;
  if (length === 0 || length > MAX_DISPLAY_NAME_LENGTH) {
    throw new HttpError(400, `"${field}" must be 1–${MAX_DISPLAY_NAME_LENGTH} characters`);
  }
  return name;
}
