/** A piece of a diff's flattened clause text: plain text, a field placeholder or a clause reference. */
export type TextToken =
  | { kind: 'text'; text: string }
  | { kind: 'field'; key: string; filter: string | null; raw: string }
  | { kind: 'ref'; target: string; raw: string };

// The diff flattens fields to `{{key}}` / `{{key|filter}}` and references to `[[#id]]` (see packages/diff).
const TOKEN = /\{\{([^{}|]+)(?:\|([^{}|]+))?\}\}|\[\[#([^\][]+)\]\]/g;

/** Splits flattened clause text into text, field and reference pieces, so placeholders can show as chips. */
export function textTokens(text: string): TextToken[] {
  const out: TextToken[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ kind: 'text', text: text.slice(last, at) });
    if (m[3] !== undefined) out.push({ kind: 'ref', target: m[3], raw: m[0] });
    else out.push({ kind: 'field', key: m[1] as string, filter: m[2] ?? null, raw: m[0] });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}
