import type { Browser } from 'playwright-core';
import { type AppPageSession, type OpenAppPageOptions, openAppPage } from './openAppPage.ts';

/** One user's browser context with a template's fill page open. */
export type FillSession = AppPageSession;
export type OpenFillOptions = OpenAppPageOptions;

/** The fill page once its form and preview are shown (see `client/src/fill/FillPage.tsx`). */
export const FILL_READY = '[data-testid=fill-page][data-state=ready] [data-testid=fill-preview-doc] article';

/**
 * Opens `/t/<templateId>/fill` in a new browser context that accepts downloads, as `name`, and waits until the form
 * and the preview are shown.
 */
export function openFillPage(
  browser: Browser,
  baseUrl: string,
  templateId: string,
  options: OpenFillOptions,
): Promise<FillSession> {
  const page = {
    path: '/fill',
    ready: FILL_READY,
    what: 'fill page',
    viewport: { width: 1400, height: 900 },
    downloads: true,
  };
  return openAppPage(browser, baseUrl, templateId, page, options);
}
