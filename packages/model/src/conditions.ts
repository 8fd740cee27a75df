import type { Clause, Condition } from './Clause.ts';
import type { NormalizedValue } from './filters.ts';

/** Whether a condition keeps its clause for these (validated, defaulted) values. A missing value is falsy. */
export function isConditionMet(condition: Condition, values: ReadonlyMap<string, NormalizedValue>): boolean {
  const value = values.get(condition.field);
  const holds =
    condition.equals !== undefined
      ? value !== undefined && String(value) === condition.equals
      : value !== undefined && value !== false && value !== '' && value !== 0;
  return condition.kind === 'if' ? holds : !holds;
}

/** The clause forest without the clauses whose conditions fail; omitted clauses take their children with them. */
export function applyConditions(clauses: readonly Clause[], values: ReadonlyMap<string, NormalizedValue>): Clause[] {
  const kept: Clause[] = [];
  for (const clause of clauses) {
    if (clause.condition && !isConditionMet(clause.condition, values)) continue;
    const children = clause.children.length > 0 ? applyConditions(clause.children, values) : clause.children;
    kept.push(children === clause.children ? clause : { ...clause, children });
  }
  return kept;
}
