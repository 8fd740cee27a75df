import { type FieldDef, fieldName, type Problem } from '@clausewright/model';

/** The problems that name a field, by field, in the order they came. */
export function problemsByField(problems: readonly Problem[]): Map<string, Problem[]> {
  const byField = new Map<string, Problem[]>();
  for (const problem of problems) {
    if (problem.field === undefined) continue;
    const list = byField.get(problem.field);
    if (list) list.push(problem);
    else byField.set(problem.field, [problem]);
  }
  return byField;
}

/**
 * A problem as shown under its own input: the validator's message without the `field "amount" (合同金额)` that
 * starts it, since the input's label already says which field it is. The list of all problems keeps the whole text.
 */
export function fieldMessage(problem: Problem, fields: Record<string, FieldDef>): string {
  if (problem.field === undefined) return problem.message;
  const prefix = `${fieldName(problem.field, fields[problem.field])} `;
  return problem.message.startsWith(prefix) ? problem.message.slice(prefix.length) : problem.message;
}
