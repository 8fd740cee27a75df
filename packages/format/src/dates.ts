import { FormatError, showInput } from './FormatError.ts';

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Parsed by hand: Date parsing reads some strings as UTC and others as local time.
function parseIsoDate(s: string): CalendarDate | undefined {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return undefined;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function readIsoDate(iso: string): CalendarDate {
  const date = parseIsoDate(iso);
  if (date === undefined) throw new FormatError(`not a YYYY-MM-DD calendar date: ${showInput(iso)}`);
  return date;
}

/** Whether `s` is `YYYY-MM-DD` naming a real Gregorian date (2024-02-29 yes, 2026-02-29 no). */
export function isIsoDate(s: string): boolean {
  return parseIsoDate(s) !== undefined;
}

/** 2026-01-05 → 2026年1月5日. */
export function dateCn(iso: string): string {
  const { year, month, day } = readIsoDate(iso);
  return `${year}年${month}月${day}日`;
}

/** 2026-01-05 → January 5, 2026. */
export function dateEn(iso: string): string {
  const { year, month, day } = readIsoDate(iso);
  return `${MONTH_NAMES[month - 1]} ${day}, ${year}`;
}
