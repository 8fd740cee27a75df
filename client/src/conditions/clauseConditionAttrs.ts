import type { Condition } from '@clausewright/model';
import { encodeCondition } from '@clausewright/schema';

/** The clause attributes that store a condition (or clear it with null); the other attribute is always cleared. */
export function clauseConditionAttrs(condition: Condition | null): { if: string | null; unless: string | null } {
  if (!condition) return { if: null, unless: null };
  const value = encodeCondition(condition);
  return condition.kind === 'if' ? { if: value, unless: null } : { if: null, unless: value };
}
