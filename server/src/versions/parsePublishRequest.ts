import { HttpError } from '../HttpError.ts';
import type { PublishRequest } from './publishVersion.ts';

/** Longest version message, in characters. */
export const MAX_MESSAGE_LENGTH = 500;
/** Longest author name, in characters (the same limit as a collab display name). */
export const MAX_AUTHOR_LENGTH = 80;

/** Validates `POST /versions` bodies: `{ message, author? }`, both trimmed; throws a 400 HttpError naming the field. */
export function parsePublishRequest(raw: unknown): PublishRequest {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new HttpError(400, 'request body must be a JSON object');
  }
  const body = raw as Record<string, unknown>;
  if (typeof body.message !== 'string') throw new HttpError(400, '"message" is required (a string)');
  const message = body.message.trim();
  const length = [...message].length;
  if (length === 0 || length > MAX_MESSAGE_LENGTH) {
    throw new HttpError(400, `"message" must be 1–${MAX_MESSAGE_LENGTH} characters`);
  }
  if (body.author !== undefined && body.author !== null && typeof body.author !== 'string') {
    throw new HttpError(400, '"author" must be a string');
  }
  const author = typeof body.author === 'string' ? body.author.trim() : '';
  if ([...author].length > MAX_AUTHOR_LENGTH) {
    throw new HttpError(400, `"author" must be at most ${MAX_AUTHOR_LENGTH} characters`);
  }
  return { message, author: author || null };
}
