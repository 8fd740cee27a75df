export type ParsedValues =
  | { ok: true; values: Record<string, unknown> }
  | { ok: false; reason: 'syntax' | 'notObject'; message: string };

/** Reads the values textarea: blank means no values; otherwise it must be one JSON object. */
export function parseValues(text: string): ParsedValues {
  if (text.trim() === '') return { ok: true, values: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: 'syntax', message: (e as Error).message };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, reason: 'notObject', message: 'values must be a JSON object' };
  }
  return { ok: true, values: parsed as Record<string, unknown> };
}
