import type { IncomingMessage } from 'node:http';
import { HttpError } from './HttpError.ts';

/** 1 MB: far above any values object, small enough that one request cannot exhaust memory. */
export const BODY_LIMIT = 1024 * 1024;

const tooLarge = (limit: number) =>
  new HttpError(413, `request body is larger than ${limit} bytes`, { headers: { connection: 'close' } });

/**
 * Reads a request body as JSON, refusing more than `limit` bytes and malformed JSON. The content type is not
 * checked, so `curl -d` works as is. An empty body reads as `undefined`.
 */
export async function readJsonBody(req: IncomingMessage, limit = BODY_LIMIT): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  // Refuse before reading a byte when the client announces an oversize body.
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);

  const body = await readBytes(req, limit);
  const text = body.toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, `request body is not valid JSON: ${(e as Error).message}`);
  }
}

/** Collects the body; past the limit it stops keeping data but drains the rest so the 413 can still be sent. */
function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData).off('end', onEnd);
      req.resume();
      reject(tooLarge(limit));
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData).on('end', onEnd).on('error', reject);
  });
}
