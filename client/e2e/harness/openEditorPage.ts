import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type E2ERole, logInAs } from './logInAs.ts';

/** One user's browser context with the editor page open. */
export interface EditorSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught page errors and console errors seen so far, for failure messages. */
  readonly errors: string[];
}

export interface OpenEditorOptions {
  /** Display name, stored as `localStorage['clausewright.name']` before the page loads. */
  name: string;
  lang?: 'zh' | 'en';
  /** The role the account shown as `name` gets on the template before the page opens. @default 'owner' */
  role?: E2ERole;
  /** How long to wait for the editor to show clauses. */
  timeoutMs?: number;
  viewport?: { width: number; height: number };
}

/** Any clause in the editor: the page has the document (labels are checked by the tests, not assumed here). */
export const EDITOR_CLAUSE = '[data-testid=editor] .ProseMirror p[data-type=clause]';

/**
 * Opens `/t/<templateId>` in a new browser context (fresh storage, so IndexedDB starts empty) as `name`,
 * and waits until the editor shows the document's clauses.
 */
export async function openEditorPage(
  browser: Browser,
  baseUrl: string,
  templateId: string,
  options: OpenEditorOptions,
): Promise<EditorSession> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
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
  const url = `${baseUrl}/t/${encodeURIComponent(templateId)}`;
  await page.goto(url);
  try {
    await page.waitForSelector(EDITOR_CLAUSE, { timeout: options.timeoutMs ?? 30_000 });
  } catch (e) {
    // Say what the page shows instead, so a failure explains itself.
    const shown = await page
      .locator('body')
      .textContent({ timeout: 1000 })
      .then(
        (t) => t ?? '',
        () => '(no body)',
      );
    throw new Error(
      `${url} showed no clause (${EDITOR_CLAUSE}): ${(e as Error).message.split('\n')[0]}\n` +
        `page text: ${shown.slice(0, 400)}\nerrors: ${errors.join(' | ') || 'none'}`,
    );
  }
  return { context, page, errors };
}
