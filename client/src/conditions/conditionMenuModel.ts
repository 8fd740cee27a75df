import type { Condition, FieldDef } from '@clausewright/model';

/** One choice of the clause condition menu. */
export interface ConditionMenuItem {
  condition: Condition;
  /** The field's label (its key when it has none). */
  fieldLabel: string;
  /** Whether this is the clause's current condition. */
  checked: boolean;
}

/**
 * The conditions a clause can be given: for each boolean field "if / unless it is yes", for each choice field
 * "if / unless it equals <option>" per option; other field types cannot decide a clause. `if` items come first.
 */
export function conditionMenuModel(
  fields: Iterable<[string, FieldDef]>,
  current: Condition | null,
): ConditionMenuItem[] {
  const tests: { field: string; fieldLabel: string; equals?: string }[] = [];
  for (const [key, def] of fields) {
    const fieldLabel = def.label || key;
    if (def.type === 'boolean') tests.push({ field: key, fieldLabel });
    else if (def.type === 'choice')
      for (const option of def.options ?? []) tests.push({ field: key, fieldLabel, equals: option });
  }
  const items: ConditionMenuItem[] = [];
  for (const kind of ['if', 'unless'] as const) {
    for (const { field, fieldLabel, equals } of tests) {
      const condition: Condition = equals === undefined ? { kind, field } : { kind, field, equals };
      items.push({ condition, fieldLabel, checked: sameCondition(condition, current) });
    }
  }
  return items;
}

function sameCondition(a: Condition, b: Condition | null): boolean {
  return b !== null && a.kind === b.kind && a.field === b.field && a.equals === b.equals;
}
