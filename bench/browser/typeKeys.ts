import type { Page } from 'playwright-core';

/**
 * Presses `count` letter keys as real key events, `gapMs` apart (a fast typist is ~10 keys/s; this is faster, but
 * leaves the page idle between keys so each keystroke is timed on its own).
 */
export async function typeKeys(page: Page, count: number, gapMs: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    await new Promise((r) => setTimeout(r, gapMs));
  }
}
