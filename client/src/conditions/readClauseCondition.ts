import type { Condition } from '@clausewright/model';
import { decodeCondition } from '@clausewright/schema';

/** A clause's condition from its `if`/`unless` attributes (the model allows one; `if` wins if both are set). */
export function readClauseCondition(attrs: Readonly<Record<string, unknown>>): Condition | null {
  if (typeof attrs.if === 'string' && attrs.if) return decodeCondition('if', attrs.if);
  if (typeof attrs.unless === 'string' && attrs.unless) return decodeCondition('unless', attrs.unless);
  return null;
}
