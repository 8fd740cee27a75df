import { cnLower, cnUpper, dateCn, dateEn, formatMoney, rmbUpper } from '@clausewright/format';
import type { FieldType } from './Field.ts';

/** A normalized, validated value (see `validateValues`): money is a decimal string, dates are ISO strings. */
export type NormalizedValue = string | number | boolean;

/** One view of a field's value, e.g. `{{amount|rmb_upper}}`. */
export interface FilterDef {
  name: string;
  /** Field types the filter may be applied to; the template check refuses others. */
  appliesTo: readonly FieldType[];
  apply(value: NormalizedValue): string;
}

const numeric: readonly FieldType[] = ['money', 'number', 'integer'];

function filter(name: string, appliesTo: readonly FieldType[], apply: (value: NormalizedValue) => string): FilterDef {
  return { name, appliesTo, apply };
}

/** Every filter a template may name, keyed by name. */
export const FILTERS: Readonly<Record<string, FilterDef>> = {
  money: filter('money', numeric, (v) => formatMoney(v as number | string)),
  rmb_upper: filter('rmb_upper', numeric, (v) => rmbUpper(v as number | string)),
  cn_upper: filter('cn_upper', ['integer'], (v) => cnUpper(v as number)),
  cn_lower: filter('cn_lower', ['integer'], (v) => cnLower(v as number)),
  date_cn: filter('date_cn', ['date'], (v) => dateCn(v as string)),
  date_en: filter('date_en', ['date'], (v) => dateEn(v as string)),
};
