import type { ServerResponse } from 'node:http';
import type { RenderedFile } from '../renderFile.ts';

/** RFC 5987 `filename*=UTF-8''…`: percent-encoded UTF-8, so Chinese titles survive; `'()*` escaped as well. */
export function contentDisposition(kind: 'attachment' | 'inline', filename: string): string {
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename*=UTF-8''${encoded}`;
}

/** Answers a rendered file with its type, length and name, plus `headers` (e.g. the document id). */
export function sendFile(res: ServerResponse, file: RenderedFile, headers: Record<string, string> = {}): void {
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-length': file.body.byteLength,
    'content-disposition': contentDisposition(file.attachment ? 'attachment' : 'inline', file.filename),
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(file.body);
}
