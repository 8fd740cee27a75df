import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './repoRoot.ts';

/** Where every end-to-end test leaves its pictures (CI keeps the folder). */
export const SCREENSHOTS = join(REPO_ROOT, 'test-results');

/** Saves what the page shows (the viewport) as `test-results/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}
