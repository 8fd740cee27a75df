export { cnLower, cnUpper } from './cnCounting.ts';
export { dateCn, dateEn, isIsoDate } from './dates.ts';
export type { Decimal } from './decimal.ts';
export { parseDecimal, toCents } from './decimal.ts';
export { FormatError } from './FormatError.ts';
export { formatMoney } from './formatMoney.ts';
export { rmbUpper } from './rmbUpper.ts';
