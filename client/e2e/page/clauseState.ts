import type { Page } from 'playwright-core';
import { clauseSelector } from './clauseSelector.ts';

/** What a person sees of one clause: its label, level, text and the field keys of its chips. */
export interface ClauseState {
  label: string | null;
  level: string | null;
  text: string;
  fieldKeys: string[];
}

/** Reads the rendered clause with this id, or null when the page does not show it. */
export async function clauseState(page: Page, id: string): Promise<ClauseState | null> {
  const locator = page.locator(clauseSelector(id));
  if ((await locator.count()) !== 1) return null;
  return locator.evaluate((el) => ({
    label: el.getAttribute('data-label'),
    level: el.getAttribute('data-level'),
    text: el.textContent ?? '',
    fieldKeys: [...el.querySelectorAll('span[data-type=field]')].map((f) => f.getAttribute('data-key') ?? ''),
  }));
}
