/**
 * The Redis keys of one document under `prefix`. The document id is a hash tag (`{…}`), so a document's keys share a
 * cluster slot and the publishing script may touch them together.
 */
export function relayKeys(prefix: string, docId: string): { stream: string; counter: string; awareness: string } {
  const base = `${prefix}{${docId}}`;
  return { stream: `${base}:updates`, counter: `${base}:n`, awareness: `${base}:awareness` };
}
