import type { ServerResponse } from 'node:http';

/** Answers `data` as JSON with `status`. */
export function sendJson(res: ServerResponse, status: number, data: unknown): void {
  const body = Buffer.from(JSON.stringify(data), 'utf8');
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.byteLength });
  res.end(body);
}
