import type { Page } from 'playwright-core';

/** The id of the clause currently labelled `label` (e.g. "2-1"); fails if none or several carry it. */
export async function clauseIdByLabel(page: Page, label: string): Promise<string> {
  const ids = await page
    .locator(`[data-testid=editor] .ProseMirror p[data-type=clause][data-label="${label}"]`)
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
  if (ids.length !== 1 || !ids[0])
    throw new Error(`expected one clause labelled "${label}", found ${JSON.stringify(ids)}`);
  return ids[0];
}
