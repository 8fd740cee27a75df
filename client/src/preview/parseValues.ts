export type ParsedValues = { ok: true; values: Record<string, unknown> } | { ok: false; message: string };

/** Reads the values textarea: blank means no values; otherwise it must be one JSON object. */
export function parseValues(text: string): ParsedValues {
  if (text.trim() === '') return { ok: true, values: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, message: 'values must be a JSON object, e.g. {"partyA": "…"}' };
  }
  return { ok: true, values: parsed as Record<string, unknown> };
}
