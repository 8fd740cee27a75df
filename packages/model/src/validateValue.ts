import { FormatError, isIsoDate, toCents } from '@clausewright/format';
import type { FieldDef } from './Field.ts';
import type { NormalizedValue } from './filters.ts';

/** Largest amount `rmb_upper` can write (万亿 range); larger money values are refused up front. */
const MAX_MONEY_CENTS = 999_999_999_999_999n;

export type ValueCheck = { ok: true; value: NormalizedValue } | { ok: false; message: string };

const DECIMAL = /^\d+(\.\d+)?$/;

/** Checks one present value against its definition; the message says what is wrong, not where. */
export function validateValue(def: FieldDef, raw: unknown): ValueCheck {
  const got = describe(raw);
  switch (def.type) {
    case 'text':
      if (typeof raw !== 'string') return fail(`expected text, got ${got}`);
      if (/[\r\n]/.test(raw)) return fail('must be a single line (use a multiline field for several lines)');
      return ok(raw);
    case 'multiline':
      if (typeof raw !== 'string') return fail(`expected text, got ${got}`);
      return ok(raw.replace(/\r\n?/g, '\n'));
    case 'integer':
      if (typeof raw !== 'number' || !Number.isSafeInteger(raw)) return fail(`expected a whole number, got ${got}`);
      return ok(raw);
    case 'number':
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return fail(`expected a number, got ${got}`);
      return ok(raw);
    case 'money': {
      if (typeof raw === 'string' && !DECIMAL.test(raw)) {
        return fail(`expected an amount like 12800 or "1680.32" (no separators or currency signs), got ${got}`);
      }
      if (typeof raw !== 'string' && (typeof raw !== 'number' || !Number.isFinite(raw))) {
        return fail(`expected an amount like 12800 or "1680.32", got ${got}`);
      }
      try {
        const cents = toCents(raw);
        if (cents < 0n) return fail(`must not be negative, got ${got}`);
        if (cents > MAX_MONEY_CENTS) return fail(`is too large (at most 9999999999999.99), got ${got}`);
      } catch (e) {
        if (e instanceof FormatError) return fail((e as FormatError).message);
        throw e;
      }
      return ok(raw);
    }
    case 'date':
      if (typeof raw !== 'string' || !isIsoDate(raw)) return fail(`expected a date as YYYY-MM-DD, got ${got}`);
      return ok(raw);
    case 'boolean':
      if (typeof raw !== 'boolean') return fail(`expected true or false, got ${got}`);
      return ok(raw);
    case 'choice': {
      const options = def.options ?? [];
      if (typeof raw !== 'string' || !options.includes(raw)) {
        return fail(`expected one of ${options.map((o) => JSON.stringify(o)).join(', ')}, got ${got}`);
      }
      return ok(raw);
    }
  }
}

function ok(value: NormalizedValue): ValueCheck {
  return { ok: true, value };
}

function fail(message: string): ValueCheck {
  return { ok: false, message };
}

function describe(raw: unknown): string {
  if (typeof raw === 'string') return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
  if (raw === null) return 'null';
  if (Array.isArray(raw)) return 'a list';
  if (typeof raw === 'object') return 'an object';
  return String(raw);
}
