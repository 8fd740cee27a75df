import type { FieldDef, FieldValue, Values } from '@clausewright/model';

/** What the inputs hold, keyed by field: the text typed (or the switch's state), before it becomes a value. */
export type FormInput = Record<string, string | boolean>;

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
// Thousands separators people type or paste ("12,800", "12，800", "12 800"); a money value is plain digits.
const MONEY_SEPARATORS = /[,，\s]/g;
const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * The value an input stands for: undefined when blank; numbers as numbers; money as a decimal string without
 * separators. Text that does not parse is passed through unchanged, so the shared validator names what is wrong.
 */
export function inputToValue(def: FieldDef, raw: string | boolean | undefined): FieldValue | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'boolean') return def.type === 'boolean' ? raw : undefined;
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  switch (def.type) {
    case 'text':
    case 'date':
    case 'choice':
      return trimmed;
    case 'multiline':
      return raw.replace(/\s+$/, '');
    case 'integer':
      return INTEGER.test(trimmed) ? Number(trimmed) : trimmed;
    case 'number':
      return NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
    case 'money': {
      // Separators go only when that leaves an amount: otherwise the message quotes what was typed.
      const plain = trimmed.replace(MONEY_SEPARATORS, '');
      return DECIMAL.test(plain) ? plain : trimmed;
    }
    case 'boolean':
      // A switch always holds a boolean; text here can only come from a hand-edited values set.
      return trimmed === 'true' ? true : trimmed === 'false' ? false : trimmed;
  }
}

/** The values the form stands for, fields left blank omitted (their defaults then apply, as in the CLI). */
export function formValues(fields: Record<string, FieldDef>, input: FormInput): Values {
  const values: Values = {};
  for (const [key, def] of Object.entries(fields)) {
    const value = inputToValue(def, input[key]);
    if (value !== undefined) values[key] = value;
  }
  return values;
}

/** What an input shows for a value: the inverse of {@link inputToValue}. */
export function valueToInput(def: FieldDef, value: unknown): string | boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (def.type === 'boolean' && typeof value === 'boolean') return value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * The form's inputs for a set of values (a reopened values set, or none): each field shows its value, else its
 * default, else blank; a switch without either is off.
 */
export function formInput(fields: Record<string, FieldDef>, values: Record<string, unknown> = {}): FormInput {
  const input: FormInput = {};
  for (const [key, def] of Object.entries(fields)) {
    const shown = valueToInput(def, values[key]) ?? valueToInput(def, def.default);
    if (shown !== undefined) input[key] = shown;
    else input[key] = def.type === 'boolean' ? false : '';
  }
  return input;
}
