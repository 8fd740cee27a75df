import { type FieldDef, type FieldValue, formatValue, validateValue } from '@clausewright/model';

/** What the form shows under a money input: the amount as the contract prints it, and in 人民币大写 for CNY. */
export interface MoneyHint {
  formatted: string;
  /** 人民币大写 (the `rmb_upper` filter), e.g. 壹万贰仟捌佰元整; absent for other currencies. */
  upper?: string;
}

/** The hint for a money value, or null while the input is blank or not a valid amount. */
export function moneyHint(def: FieldDef, value: FieldValue | undefined): MoneyHint | null {
  if (value === undefined || def.type !== 'money') return null;
  const check = validateValue(def, value);
  if (!check.ok) return null;
  // Money prints the same in either contract locale; the locale only matters for dates and booleans.
  const formatted = formatValue(def, check.value, 'zh-CN');
  if ((def.currency ?? 'CNY') !== 'CNY') return { formatted };
  return { formatted, upper: formatValue(def, check.value, 'zh-CN', 'rmb_upper') };
}
