import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  ensureClientBuilt,
  launchChromium,
  openFillPage,
  REPO_ROOT,
  startAppServer,
} from '../client/e2e/harness/index.ts';
import { installFillProbes, takeFillSamples } from './browser/index.ts';
import type { Bench } from './harness.ts';

// The fill page's live preview on the seed contract (templates/wechat-miniprogram-service), production client build,
// real server, headless Chromium; every field filled from its sample values first, so the preview is the whole
// contract as it will be issued.
//
//  preview.seed.keystroke   a real key press in an input of the form → React state → resolveTemplate + renderHtml of
//                           the whole contract → the preview's DOM replaced → style and layout forced; timed inside
//                           the page (keydown in the capture phase → MutationObserver on the preview + offsetHeight).
//                           Half the keys in the money input (digits and backspaces: the amount and its 人民币大写
//                           both change), half in a text input (甲方名称, printed in four places). Keys 40 ms apart,
//                           so frames render between them. Target p95 ≤ 16 ms: the preview follows within one frame.
const SEED = 'wechat-miniprogram-service';
const KEYS_PER_INPUT = 60;
const WARMUP_KEYS = 20;
const KEY_GAP_MS = 40;
const TARGET_P95 = 16;

/** Presses `count` keys in an input: digits up to eight, then backspaces back to one digit, and again. */
async function typeAmount(page: Page, count: number): Promise<void> {
  let length = (await page.locator('[data-testid=fill-input-amount]').inputValue()).length;
  let growing = true;
  for (let i = 0; i < count; i++) {
    if (length >= 8) growing = false;
    if (length <= 1) growing = true;
    await page.keyboard.press(growing ? String((i % 9) + 1) : 'Backspace');
    length += growing ? 1 : -1;
    await new Promise((r) => setTimeout(r, KEY_GAP_MS));
  }
}

async function typeText(page: Page, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    await new Promise((r) => setTimeout(r, KEY_GAP_MS));
  }
}

export default async function previewBench(bench: Bench): Promise<void> {
  const build = await ensureClientBuilt();
  if (build.built) console.log('  (built the client first)');
  const server = await startAppServer();
  const browser = await launchChromium();
  try {
    const session = await openFillPage(browser, server.url, SEED, { name: 'Bench' });
    const { page } = session;
    const sample = JSON.parse(readFileSync(join(REPO_ROOT, 'templates', SEED, 'sample.values.json'), 'utf8')) as Record<
      string,
      string | number
    >;
    for (const [key, value] of Object.entries(sample)) {
      await page.locator(`[data-testid=fill-input-${key}]`).fill(String(value));
    }
    await installFillProbes(page);

    await page.locator('[data-testid=fill-input-amount]').click();
    await page.keyboard.press('End');
    await typeAmount(page, WARMUP_KEYS);
    await takeFillSamples(page);
    await typeAmount(page, KEYS_PER_INPUT);
    const money = await takeFillSamples(page);

    await page.locator('[data-testid=fill-input-party_a]').click();
    await page.keyboard.press('End');
    await takeFillSamples(page); // End moves the caret and changes nothing: not a keystroke to time
    await typeText(page, KEYS_PER_INPUT);
    const text = await takeFillSamples(page);

    const samples = [...money.samples, ...text.samples];
    const missed = money.missed + text.missed;
    if (samples.length < 2 * KEYS_PER_INPUT * 0.95) {
      throw new Error(`only ${samples.length}/${2 * KEYS_PER_INPUT} keystrokes changed the preview`);
    }
    if (missed > 0) console.log(`  ${missed} key presses did not change the preview`);
    bench.record('preview.seed.keystroke', samples, 'ms', TARGET_P95, 'p95');
    const uncaught = session.errors.filter((e) => e.startsWith('pageerror'));
    if (uncaught.length > 0) console.log(`  page errors: ${uncaught.slice(0, 5).join(' | ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}
