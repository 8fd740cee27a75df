import type { Browser } from 'playwright-core';
import { logInAs } from '../../client/e2e/harness/index.ts';
import type { PageWindow } from './PageGlobals.ts';

/**
 * Opens `/t/<id>` in a fresh browser context (empty IndexedDB, so everything comes from the server) `runs` times
 * and returns, per run, the ms from navigation start until all `clauses` clauses show a label.
 */
export async function measureOpen(
  browser: Browser,
  baseUrl: string,
  id: string,
  clauses: number,
  runs: number,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      await context.addInitScript({ content: `localStorage.setItem('clausewright.name', 'Bench open ${i}');` });
      await logInAs(context, baseUrl, `Bench open ${i}`, { templates: [id] });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/t/${encodeURIComponent(id)}`);
      const handle = await page.waitForFunction(
        (expected) => {
          const w = globalThis as unknown as PageWindow;
          const labelled = w.document.querySelectorAll('[data-testid=editor] p[data-type=clause][data-label]').length;
          // performance.now() counts from navigation start.
          return labelled >= expected ? w.performance.now() : false;
        },
        clauses,
        { polling: 'raf', timeout: 120_000 },
      );
      samples.push((await handle.jsonValue()) as number);
    } finally {
      await context.close();
    }
  }
  return samples;
}
