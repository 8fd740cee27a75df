/**
 * The file name in a `content-disposition` header: the RFC 5987 `filename*=UTF-8''…` form when present (it carries
 * Chinese titles), else the plain `filename="…"`; null when there is none.
 */
export function contentDispositionFilename(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent((extended[2] as string).trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  if (!plain) return null;
  return (plain[2] ?? (plain[1] as string)).trim() || null;
}
