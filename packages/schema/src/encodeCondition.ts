import type { Condition } from '@clausewright/model';

/** Writes a condition's test as the clause's `if`/`unless` attribute value: `key`, or `key=value` with `equals`. */
export function encodeCondition(condition: Condition): string {
  return condition.equals === undefined ? condition.field : `${condition.field}=${condition.equals}`;
}
