import type { Condition } from '@clausewright/model';

/** Reads an `if`/`unless` attribute value back; a field key never holds `=`, so the first `=` starts the value. */
export function decodeCondition(kind: Condition['kind'], value: string): Condition {
  const eq = value.indexOf('=');
  if (eq === -1) return { kind, field: value };
  return { kind, field: value.slice(0, eq), equals: value.slice(eq + 1) };
}
