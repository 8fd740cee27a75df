import type { Page } from 'playwright-core';

/** A clause as the fill page's preview shows it. */
export interface PreviewClause {
  id: string;
  label: string;
}

/** Every clause in the fill page's preview, in document order, with the label it is printed with. */
export function previewClauses(page: Page): Promise<PreviewClause[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=fill-preview-doc] .cw-clause')].map((el) => ({
      id: el.getAttribute('data-clause-id') ?? '',
      label: el.querySelector(':scope > .cw-clause-text > .cw-label')?.textContent ?? '',
    })),
  );
}

/** The texts the preview prints for a field, in document order (a gap prints as ＿＿＿＿). */
export function previewValues(page: Page, field: string): Promise<string[]> {
  return page.evaluate(
    (key) =>
      [...document.querySelectorAll(`[data-testid=fill-preview-doc] [data-field="${CSS.escape(key)}"]`)].map(
        (el) => el.textContent ?? '',
      ),
    field,
  );
}
