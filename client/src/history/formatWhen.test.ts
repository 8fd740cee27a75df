import { describe, expect, it } from 'vitest';
import { formatWhen } from './formatWhen.ts';

const NOW = Date.parse('2026-11-26T12:00:00Z');

describe('formatWhen', () => {
  it('says a moment ago for the last minute', () => {
    expect(formatWhen('2026-11-26T11:59:30Z', 'en', NOW).relative).toBe('now');
    expect(formatWhen('2026-11-26T11:59:30Z', 'zh', NOW).relative).toBe('现在');
  });

  it('picks the largest whole unit, rounding toward zero', () => {
    expect(formatWhen('2026-11-26T11:57:00Z', 'en', NOW).relative).toBe('3 minutes ago');
    expect(formatWhen('2026-11-26T09:10:00Z', 'en', NOW).relative).toBe('2 hours ago');
    expect(formatWhen('2026-11-25T11:00:00Z', 'en', NOW).relative).toBe('yesterday');
    expect(formatWhen('2026-11-12T12:00:00Z', 'en', NOW).relative).toBe('2 weeks ago');
    expect(formatWhen('2025-11-01T12:00:00Z', 'en', NOW).relative).toBe('last year');
    expect(formatWhen('2026-11-26T11:57:00Z', 'zh', NOW).relative).toBe('3分钟前');
  });

  it('gives the exact time with seconds for the tooltip', () => {
    const { exact } = formatWhen('2026-11-26T11:57:09Z', 'en', NOW);
    expect(exact).toMatch(/2026/);
    expect(exact).toMatch(/:09/);
  });

  it('prints an unreadable time as given', () => {
    expect(formatWhen('soon', 'en', NOW)).toEqual({ relative: 'soon', exact: 'soon' });
  });
});
