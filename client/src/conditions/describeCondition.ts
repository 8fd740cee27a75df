import type { Condition } from '@clausewright/model';
import { uiText } from '../fields/uiText.ts';

/** A condition in words for the clause tag and the menu, e.g. "仅当 付款方式 = 分期"; `fieldLabel` names the field. */
export function describeCondition(condition: Condition, fieldLabel: string | undefined): string {
  return uiText().condText(condition.kind, fieldLabel || condition.field, condition.equals);
}
