import { describe, expect, it } from 'vitest';
import { clauseChangeRoute } from './clauseChangeRoute.ts';
import type { ClauseChange } from './historyApi.ts';

const change = (version: number | 'draft'): ClauseChange => ({
  version,
  createdAt: '2026-11-26T12:00:00Z',
  message: null,
  author: null,
  status: 'modified',
});

describe('clauseChangeRoute', () => {
  it('compares a version with the one before it', () => {
    expect(clauseChangeRoute('t', change(3), { since: { version: 3, editors: [] } }, [1, 2, 3])).toEqual({
      page: 'diff',
      id: 't',
      from: 2,
      to: 3,
    });
    expect(clauseChangeRoute('t', change(4), { since: { version: 4, editors: [] } }, [1, 4])).toMatchObject({
      from: 1,
      to: 4,
    });
  });

  it('opens the first version itself', () => {
    expect(clauseChangeRoute('t', change(1), { since: { version: 2, editors: [] } }, [1, 2])).toEqual({
      page: 'version',
      id: 't',
      version: 1,
    });
  });

  it('compares the latest version with the draft for a draft change, nothing without a version', () => {
    expect(clauseChangeRoute('t', change('draft'), { since: { version: 2, editors: [] } }, [1, 2])).toEqual({
      page: 'diff',
      id: 't',
      from: 2,
      to: 'draft',
    });
    expect(clauseChangeRoute('t', change('draft'), { since: { version: null, editors: [] } }, [])).toBeNull();
  });
});
