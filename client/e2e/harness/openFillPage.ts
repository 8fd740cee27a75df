import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type E2ERole, logInAs } from './logInAs.ts';

/** One user's browser context with a template's fill page open. */
export interface FillSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught page errors and console errors seen so far, for failure messages. */
  readonly errors: string[];
}

export interface OpenFillOptions {
  /** Display name, stored as `localStorage['clausewright.name']` before the page loads: it signs issued documents. */
  name: string;
  lang?: 'zh' | 'en';
  /** The role the account shown as `name` gets on the template before the page opens. @default 'owner' */
  role?: E2ERole;
  timeoutMs?: number;
  viewport?: { width: number; height: number };
}

/** The fill page once its form and preview are shown (see `client/src/fill/FillPage.tsx`). */
export const FILL_READY = '[data-testid=fill-page][data-state=ready] [data-testid=fill-preview-doc] article';

/**
 * Opens `/t/<templateId>/fill` in a new browser context that accepts downloads, as `name`, and waits until the form
 * and the preview are shown.
 */
export async function openFillPage(
  browser: Browser,
  baseUrl: string,
  templateId: string,
  options: OpenFillOptions,
): Promise<FillSession> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1400, height: 900 },
    acceptDownloads: true,
  });
  // A string script: this file is also compiled without DOM types (bench/).
  await context.addInitScript({
    content: `try {
      localStorage.setItem('clausewright.name', ${JSON.stringify(options.name)});
      localStorage.setItem('clausewright.lang', ${JSON.stringify(options.lang ?? 'zh')});
    } catch (e) {}`,
  });
  await logInAs(context, baseUrl, options.name, { templates: [templateId], role: options.role ?? 'owner' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  const url = `${baseUrl}/t/${encodeURIComponent(templateId)}/fill`;
  await page.goto(url);
  try {
    await page.waitForSelector(FILL_READY, { timeout: options.timeoutMs ?? 30_000 });
  } catch (e) {
    const shown = await page
      .locator('body')
      .textContent({ timeout: 1000 })
      .then(
        (t) => t ?? '',
        () => '(no body)',
      );
    throw new Error(
      `${url} showed no fill page (${FILL_READY}): ${(e as Error).message.split('\n')[0]}\n` +
        `page text: ${shown.slice(0, 400)}\nerrors: ${errors.join(' | ') || 'none'}`,
    );
  }
  return { context, page, errors };
}
