import { closest } from './closest.ts';
import type { FieldDef } from './Field.ts';
import type { NormalizedValue } from './filters.ts';
import type { Problem } from './Problem.ts';
import { validateValue } from './validateValue.ts';

export interface ValidatedValues {
  /** Valid values with defaults filled in; a missing or invalid value has no key. */
  values: Map<string, NormalizedValue>;
  /** Invalid and unknown values. Missing required values are reported by `resolveTemplate`, which knows what is used. */
  problems: Problem[];
}

/** True when a value counts as not given: absent, null or an empty string. */
export function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || raw === '';
}

/** Validates a values object against field definitions, naming the field in every problem. */
export function validateValues(fields: Record<string, FieldDef>, input: unknown): ValidatedValues {
  const values = new Map<string, NormalizedValue>();
  const problems: Problem[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.push({ code: 'invalid-value', message: 'values must be a JSON object keyed by field' });
    return { values, problems };
  }
  const given = input as Record<string, unknown>;
  for (const [key, def] of Object.entries(fields)) {
    const raw = Object.hasOwn(given, key) && !isBlank(given[key]) ? given[key] : def.default;
    if (isBlank(raw)) continue;
    const check = validateValue(def, raw);
    if (check.ok) values.set(key, check.value);
    else problems.push({ code: 'invalid-value', field: key, message: `${fieldName(key, def)} ${check.message}` });
  }
  for (const key of Object.keys(given)) {
    if (Object.hasOwn(fields, key)) continue;
    const guess = closest(key, Object.keys(fields));
    const hint = guess ? ` (did you mean "${guess}"?)` : '';
    problems.push({
      code: 'unknown-value',
      field: key,
      message: `field "${key}" is not defined in this template${hint}`,
    });
  }
  return { values, problems };
}

/** `field "amount" (合同金额)`: the way every message names a field. */
export function fieldName(key: string, def: FieldDef | undefined): string {
  return def ? `field "${key}" (${def.label})` : `field "${key}"`;
}
