export interface EscapeOptions {
  /** The text starts a line, where `#`, `>`, `-`, `+`, `=` and `1.` would start a block. */
  lineStart?: boolean;
  /** In a heading every `#` is escaped, so a trailing one is not read as a closing sequence. */
  heading?: boolean;
  /** The text follows a cross-reference, where `(` would make `[[#id]](…)` a link. */
  afterRef?: boolean;
}

// Escaped everywhere: emphasis and strikethrough markers, code, links and refs, fields and attributes, table pipes,
// HTML and autolinks (`<` even before a delimiter: `<~~a@b.c>` is an e-mail autolink); `&` only before what would
// read as a character reference.
const SPECIAL = /[\\*_~`[{|<]|&(?=#?[A-Za-z0-9]+;)/g;
const SPECIAL_IN_HEADING = /[\\*_~`[{|<#]|&(?=#?[A-Za-z0-9]+;)/g;
const BLOCK_START = /^[#>+=-]/;
const ORDERED_MARKER = /^(\d+)[.)]/;

/** Backslash-escapes whatever in plain `text` Markdown or Clause Markdown would otherwise read as syntax. */
export function escapeText(text: string, options: EscapeOptions = {}): string {
  let out = text.replace(options.heading ? SPECIAL_IN_HEADING : SPECIAL, '\\$&');
  if (options.lineStart) {
    if (BLOCK_START.test(text) && !(options.heading && text[0] === '#')) {
      out = `\\${out}`;
    } else {
      const marker = ORDERED_MARKER.exec(text);
      if (marker?.[1]) out = `${marker[1]}\\${out.slice(marker[1].length)}`;
    }
  }
  if (options.afterRef && text[0] === '(') out = `\\${out}`;
  return out;
}

const ALNUM = /[A-Za-z0-9]/;

/**
 * Escapes a field key, filter or clause id. `_` inside a word can never open emphasis, so `pay_mode` stays as
 * written; only a leading or trailing `_` needs its backslash.
 */
export function escapeIdentifier(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i] as string;
    if (c === '_') {
      out += ALNUM.test(name[i - 1] ?? '') && ALNUM.test(name[i + 1] ?? '') ? '_' : '\\_';
    } else if ('\\*~`[]{}|<&'.includes(c)) {
      out += `\\${c}`;
    } else {
      out += c;
    }
  }
  return out;
}

/** A hexadecimal character reference, e.g. `&#x20;` for a space. */
export function characterReference(codePoint: number): string {
  return `&#x${codePoint.toString(16).toUpperCase()};`;
}
