import { toCents } from './decimal.ts';

/** Two decimals with comma thousands separators, rounded half-up: 1234567.891 → `1,234,567.89`. */
export function formatMoney(value: number | string): string {
  const cents = toCents(value);
  const digits = (cents < 0n ? -cents : cents).toString().padStart(3, '0');
  const integer = digits.slice(0, -2);
  let grouped = integer.slice(0, ((integer.length - 1) % 3) + 1);
  for (let i = grouped.length; i < integer.length; i += 3) grouped += `,${integer.slice(i, i + 3)}`;
  return `${cents < 0n ? '-' : ''}${grouped}.${digits.slice(-2)}`;
}
