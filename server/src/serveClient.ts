import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { HttpError } from './HttpError.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

// Vite puts a content hash in every file name under /assets, so those never change; everything else is revalidated.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Serves the built client from `root` (`client/dist`): a file when the path names one inside `root`, otherwise
 * `index.html`, so the client's own routes (`/t/<id>`) load the app. Paths are decoded and normalised before they
 * are joined, so `..` can never leave `root`.
 */
export function serveClient(
  root: string,
): (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void> {
  const base = path.resolve(root);
  const index = path.join(base, 'index.html');
  return async (req, res, pathname) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      throw new HttpError(400, `malformed URL path "${pathname}"`);
    }
    if (decoded.includes('\0')) throw new HttpError(400, 'URL path contains a NUL byte');
    const file = path.join(base, path.posix.normalize(`/${decoded}`));
    const inside = file === base || file.startsWith(base + path.sep);
    const found = inside ? await fileAt(file) : null;
    if (found) {
      const immutable = decoded.startsWith('/assets/');
      return send(req, res, file, found.size, immutable ? IMMUTABLE : REVALIDATE);
    }
    // A missing hashed asset is a real 404: answering it with the app page would hide a stale deploy.
    if (decoded.startsWith('/assets/')) throw new HttpError(404, `no file ${pathname}`);
    const page = await fileAt(index);
    if (!page) {
      throw new HttpError(
        404,
        'the client is not built: run `pnpm start` (it builds it) or `pnpm --filter @clausewright/client build`',
      );
    }
    return send(req, res, index, page.size, REVALIDATE);
  };
}

async function fileAt(file: string): Promise<{ size: number } | null> {
  try {
    const s = await stat(file);
    return s.isFile() ? { size: s.size } : null;
  } catch {
    return null;
  }
}

function send(req: IncomingMessage, res: ServerResponse, file: string, size: number, cache: string): Promise<void> {
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': cache,
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const stream = createReadStream(file);
    stream.once('error', reject);
    stream.once('end', resolve);
    stream.pipe(res);
  });
}
