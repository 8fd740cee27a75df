// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is the character PostgreSQL text cannot hold.
const ESCAPED = /[\u0000\uFFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above.
const ESCAPED_ALL = /[\u0000\uFFFF]/g;

/**
 * Neither PostgreSQL `text` nor libsql's string binding holds U+0000 (PostgreSQL refuses it, libsql silently cuts the
 * string there), yet anyone can type it into a document or send it in a request. Strings are
 * stored with U+0000 as U+FFFF '0' and U+FFFF itself doubled (a noncharacter, so almost no real text changes and
 * what is stored stays readable); reading reverses it exactly.
 */
export function toStoredText(text: string): string {
  return ESCAPED.test(text) ? text.replace(ESCAPED_ALL, (c) => (c === '\u0000' ? '\uFFFF0' : '\uFFFF\uFFFF')) : text;
}

/** The string `toStoredText` stored. */
export function fromStoredText(stored: string): string {
  return stored.includes('\uFFFF')
    ? stored.replace(/\uFFFF([0\uFFFF])/g, (_, c: string) => (c === '0' ? '\u0000' : '\uFFFF'))
    : stored;
}

/**
 * JSON for a `json` column: U+0000 is escaped by JSON.stringify already; U+FFFF is escaped too, so `toStoredText` leaves
 * the text as it is and PostgreSQL's parse gives back the very values.
 */
export function toPgJson(value: unknown): string {
  return JSON.stringify(value).replace(/\uFFFF/g, '\\uffff');
}
