import { describe, expect, it } from 'vitest';
import { dateCn, dateEn, isIsoDate } from './dates.ts';
import { FormatError } from './FormatError.ts';

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-5', false],
    ['2026-11-26', true],
    ['2026-01-05', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-01-32', false],
    ['2026-11-26T00:00', false],
    [' 2026-11-26', false],
    ['2026/11/26', false],
    ['20261126', false],
    ['', false],
  ])('%j → %s', (s, expected) => {
    expect(isIsoDate(s)).toBe(expected);
  });
});

describe('dateCn', () => {
  it.each([
    ['2026-11-26', '2026年11月26日'],
    ['2026-01-05', '2026年1月5日'],
    ['2024-02-29', '2024年2月29日'],
  ])('%s → %s', (iso, expected) => {
    expect(dateCn(iso)).toBe(expected);
  });

  it.each(['2026-02-29', '2026-1-5', 'tomorrow', ''])('refuses %j', (iso) => {
    expect(() => dateCn(iso)).toThrow(FormatError);
    expect(() => dateCn(iso)).toThrow(`not a YYYY-MM-DD calendar date: ${JSON.stringify(iso)}`);
  });
});

describe('dateEn', () => {
  it.each([
    ['2026-11-26', 'November 26, 2026'],
    ['2026-01-05', 'January 5, 2026'],
    ['2026-12-31', 'December 31, 2026'],
  ])('%s → %s', (iso, expected) => {
    expect(dateEn(iso)).toBe(expected);
  });

  it.each(['2026-13-01', '2026-11-26 '])('refuses %j', (iso) => {
    expect(() => dateEn(iso)).toThrow(FormatError);
    expect(() => dateEn(iso)).toThrow(`not a YYYY-MM-DD calendar date: ${JSON.stringify(iso)}`);
  });
});
