import { dateCn, dateEn, formatMoney } from '@clausewright/format';
import type { FieldDef } from './Field.ts';
import { FILTERS, type NormalizedValue } from './filters.ts';
import type { Locale } from './Template.ts';

/**
 * The text of a validated value as the template shows it: through `filter` when given,
 * otherwise the type's default view (dates by locale, money with separators).
 */
export function formatValue(def: FieldDef, value: NormalizedValue, locale: Locale, filter?: string): string {
  if (filter !== undefined) {
    const f = FILTERS[filter];
    if (!f) throw new Error(`unknown filter "${filter}"`);
    return f.apply(value);
  }
  switch (def.type) {
    case 'money':
      return formatMoney(value as string | number);
    case 'date':
      return locale === 'en' ? dateEn(value as string) : dateCn(value as string);
    case 'boolean':
      if (locale === 'en') return value ? 'Yes' : 'No';
      return value ? '是' : '否';
    default:
      return String(value);
  }
}
