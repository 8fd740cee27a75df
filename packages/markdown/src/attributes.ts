import { type Condition, closest } from '@clausewright/model';
import { characterReference, escapeIdentifier, escapeText } from './escapeText.ts';

/** What a clause's trailing `{#id if=key=value}` says, with where each part starts (indexes into the text). */
export interface ClauseAttributes {
  id?: string;
  idAt?: number;
  condition?: Condition;
  conditionAt?: number;
  /** Index just after the closing `}`. */
  end: number;
}

export type AttributesResult = { ok: true; attributes: ClauseAttributes } | { ok: false; message: string; at: number };

// Something that was meant as attributes: `{#…`, or `{name=…`; anything else in braces stays text.
const ATTRIBUTES_START = /[ \t]*(?:#|[A-Za-z][\w-]*[ \t]*=)/y;
const NAME_CHAR = /[\w-]/;
const KEY_CHAR = /\w/;
const FIELD_KEY = /^[A-Za-z_]\w*$/;
const SPACE = /\s/;
const BARE_VALUE = /^[^\s"{}\\]+$/;

/** Whether the `{` at `open` begins something meant as clause attributes. */
export function looksLikeAttributes(text: string, open: number): boolean {
  ATTRIBUTES_START.lastIndex = open + 1;
  return ATTRIBUTES_START.test(text);
}

/**
 * Parses `{#id}`, `{#id if=key}`, `{unless=key}`, `{#id if=key=value}` or `{unless="key=a value"}` attributes
 * starting at the `{` at `open`, reading no further than `end`. Escaped characters (`literal`) never delimit.
 */
export function parseAttributes(
  text: string,
  open: number,
  end: number,
  literal: (i: number) => boolean,
): AttributesResult {
  const fail = (message: string, at: number): AttributesResult => ({ ok: false, message, at });
  const closesAt = (i: number) => text[i] === '}' && !literal(i);
  const quoteAt = (i: number) => text[i] === '"' && !literal(i);
  const attributes: ClauseAttributes = { end };
  let p = open + 1;
  for (;;) {
    while (p < end && (text[p] === ' ' || text[p] === '\t')) p++;
    if (p >= end) return fail('missing "}"', open);
    const c = text[p] as string;
    if (closesAt(p)) {
      attributes.end = p + 1;
      return { ok: true, attributes };
    }
    if (c === '#') {
      const start = p + 1;
      p = start;
      while (p < end && !SPACE.test(text[p] as string) && !closesAt(p)) p++;
      if (p === start) return fail('"#" needs a clause id, e.g. {#payment}', start - 1);
      if (attributes.id !== undefined) return fail('a clause has only one id', start - 1);
      attributes.id = text.slice(start, p);
      attributes.idAt = start;
    } else {
      const nameAt = p;
      while (p < end && NAME_CHAR.test(text[p] as string)) p++;
      const name = text.slice(nameAt, p);
      if (!name) return fail(`unexpected "${c}"`, p);
      if (text[p] !== '=') return fail(`expected "=" right after "${name}"`, p);
      if (name !== 'if' && name !== 'unless') {
        const guess = closest(name, ['if', 'unless']);
        return fail(
          `unknown attribute "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}; a clause takes {#id}, if=key, unless=key or if=key=value`,
          nameAt,
        );
      }
      if (attributes.condition) return fail('a clause takes only one condition (if= or unless=)', nameAt);
      p++;
      let condition: Condition;
      if (quoteAt(p)) {
        // The quoted form wraps key and value together: if="pay_mode=分期 付款".
        const quoteAt0 = p++;
        while (p < end && !quoteAt(p)) p++;
        if (p >= end) return fail('unclosed quote', quoteAt0);
        const quoted = text.slice(quoteAt0 + 1, p);
        p++;
        const eq = quoted.indexOf('=');
        const field = eq === -1 ? quoted : quoted.slice(0, eq);
        if (!FIELD_KEY.test(field))
          return fail(`"${name}=" needs a field key, as in ${name}="key=value"`, quoteAt0 + 1);
        condition = { kind: name, field };
        if (eq !== -1) condition.equals = quoted.slice(eq + 1);
      } else {
        const keyAt = p;
        while (p < end && KEY_CHAR.test(text[p] as string)) p++;
        const field = text.slice(keyAt, p);
        if (!field) return fail(`"${name}=" needs a field key`, keyAt);
        condition = { kind: name, field };
        if (text[p] === '=') {
          p++;
          if (quoteAt(p)) {
            const valueAt = ++p;
            while (p < end && !quoteAt(p)) p++;
            if (p >= end) return fail('unclosed quote', valueAt - 1);
            condition.equals = text.slice(valueAt, p);
            p++;
          } else {
            const valueAt = p;
            while (p < end && !SPACE.test(text[p] as string) && !closesAt(p) && !quoteAt(p)) p++;
            if (p === valueAt) return fail(`"${name}=${field}=" needs a value (write "" for an empty one)`, valueAt);
            condition.equals = text.slice(valueAt, p);
          }
        }
      }
      attributes.condition = condition;
      attributes.conditionAt = nameAt;
    }
    if (p < end && !SPACE.test(text[p] as string) && !closesAt(p)) return fail(`unexpected "${text[p]}"`, p);
  }
}

/** Writes a clause's attributes as Markdown: `{#id}`, `{#id if=key}`, `{#id if=key=value}` or `{#id unless="key=a value"}`. */
export function formatAttributes(id: string, condition: Condition | undefined): string {
  let out = `{#${escapeIdentifier(id)}`;
  if (condition) {
    const { kind, field, equals } = condition;
    if (equals === undefined) out += ` ${kind}=${escapeIdentifier(field)}`;
    else if (BARE_VALUE.test(equals)) out += ` ${kind}=${escapeIdentifier(field)}=${escapeText(equals)}`;
    else out += ` ${kind}="${escapeIdentifier(field)}=${quote(equals)}"`;
  }
  return `${out}}`;
}

// Inside quotes an escaped `\"` is a literal quote; line breaks become references to keep the line whole.
function quote(value: string): string {
  return escapeText(value)
    .replace(/"/g, '\\"')
    .replace(/[\n\r\t]/g, (c) => characterReference(c.charCodeAt(0)));
}
