import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type E2ERole, logInAs } from './logInAs.ts';

/** One user's browser context with a page of the app open. */
export interface AppPageSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught page errors and console errors seen so far, for failure messages. */
  readonly errors: string[];
}

export interface OpenAppPageOptions {
  /** The account's display name, also stored as `localStorage['clausewright.name']` before the page loads. */
  name: string;
  lang?: 'zh' | 'en';
  /** The role the account shown as `name` gets on the template before the page opens. @default 'owner' */
  role?: E2ERole;
  /** How long to wait for the page to be ready. */
  timeoutMs?: number;
  viewport?: { width: number; height: number };
}

/**
 * Opens `path` of template `templateId` in a new browser context (fresh storage, so IndexedDB starts empty), logged in
 * as `name` with a role on the template, and waits for `ready`; a page that never gets there fails with what it shows.
 */
export async function openAppPage(
  browser: Browser,
  baseUrl: string,
  templateId: string,
  page: { path: string; ready: string; what: string; viewport: { width: number; height: number }; downloads?: boolean },
  options: OpenAppPageOptions,
): Promise<AppPageSession> {
  const context = await browser.newContext({
    viewport: options.viewport ?? page.viewport,
    ...(page.downloads ? { acceptDownloads: true } : {}),
  });
  // A string script: this file is also compiled without DOM types (bench/).
  await context.addInitScript({
    content: `try {
      localStorage.setItem('clausewright.name', ${JSON.stringify(options.name)});
      localStorage.setItem('clausewright.lang', ${JSON.stringify(options.lang ?? 'zh')});
    } catch (e) {}`,
  });
  await logInAs(context, baseUrl, options.name, { templates: [templateId], role: options.role ?? 'owner' });
  const tab = await context.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  tab.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  const url = `${baseUrl}/t/${encodeURIComponent(templateId)}${page.path}`;
  await tab.goto(url);
  try {
    await tab.waitForSelector(page.ready, { timeout: options.timeoutMs ?? 30_000 });
  } catch (e) {
    // Say what the page shows instead, so a failure explains itself.
    const shown = await tab
      .locator('body')
      .textContent({ timeout: 1000 })
      .then(
        (t) => t ?? '',
        () => '(no body)',
      );
    throw new Error(
      `${url} showed no ${page.what} (${page.ready}): ${(e as Error).message.split('\n')[0]}\n` +
        `page text: ${shown.slice(0, 400)}\nerrors: ${errors.join(' | ') || 'none'}`,
    );
  }
  return { context, page: tab, errors };
}
