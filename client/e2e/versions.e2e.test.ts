import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  type AppServer,
  type EditorSession,
  ensureClientBuilt,
  launchChromium,
  openEditorPage,
  screenshot,
  startAppServer,
} from './harness/index.ts';
import { caretToClauseEnd, clauseSelector, clauseState, diffClauseSelector } from './page/index.ts';

// The seed contract; clause 2-1 ({#product}) is the one edited and then restored.
const SEED = 'wechat-miniprogram-service';
const CLAUSE = 'product';
const TYPED = ' 乙方另行书面确认。';
const TIMEOUT_MS = 15_000;

async function clauseText(page: Page, id: string): Promise<string | null> {
  return (await clauseState(page, id))?.text ?? null;
}

// The tests run in order: publish → edit → diff → restore, each building on the one before.
describe('versions in headless Chromium: publish, diff, restore a clause', () => {
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  let alice: EditorSession;
  let bob: EditorSession;
  let original = '';

  beforeAll(async () => {
    await ensureClientBuilt();
    server = await startAppServer();
    browser = await launchChromium();
    alice = await openEditorPage(browser, server.url, SEED, { name: 'Alice' });
    bob = await openEditorPage(browser, server.url, SEED, { name: 'Bob' });
    for (const session of [alice, bob]) {
      await session.page.waitForSelector('[data-testid=connection-status][data-state=connected]', {
        timeout: TIMEOUT_MS,
      });
    }
    original = (await clauseText(alice.page, CLAUSE)) ?? '';
  }, 300_000);

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      const slug = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      for (const [who, session] of [
        ['alice', alice],
        ['bob', bob],
      ] as const) {
        if (session) await screenshot(session.page, `versions-failed-${slug}-${who}`).catch(() => undefined);
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, 60_000);

  test('page A publishes version 1 from the history panel', async () => {
    expect(original).toContain('微信小程序建设产品');
    const page = alice.page;
    await page.click('[data-testid=history-toggle]');
    await page.waitForSelector('[data-testid=history-empty]', { timeout: TIMEOUT_MS });
    await page.fill('[data-testid=publish-message]', 'v1 — 初稿');
    await page.click('[data-testid=publish-button]');
    const item = page.locator('[data-testid=version-item][data-version="1"]');
    await item.waitFor({ timeout: TIMEOUT_MS });
    expect(await item.textContent()).toContain('v1 — 初稿');
    expect(await item.textContent()).toContain('Alice');
    expect(await page.locator('[data-testid=history-notice]').textContent()).toContain('1');
    // The message box is emptied for the next version.
    expect(await page.inputValue('[data-testid=publish-message]')).toBe('');
    await screenshot(page, 'versions-panel');
  });

  test('page B edits clause 2-1 and page A sees the edit live', async () => {
    await caretToClauseEnd(bob.page, CLAUSE);
    await bob.page.keyboard.type(TYPED);
    for (const page of [bob.page, alice.page]) {
      await expect.poll(() => clauseText(page, CLAUSE), { timeout: TIMEOUT_MS }).toBe(original + TYPED);
    }
  });

  test('page A opens the diff v1 → draft: the clause is modified with the typed text highlighted', async () => {
    const page = alice.page;
    await page.click('[data-testid=version-item][data-version="1"] [data-testid=version-compare-draft]');
    await page.waitForSelector('[data-testid=diff-page][data-from="1"][data-to=draft]', { timeout: TIMEOUT_MS });
    expect(new URL(page.url()).pathname).toBe(`/t/${SEED}/diff/1/draft`);
    const row = page.locator(diffClauseSelector(CLAUSE));
    // The page already saw the edit, so the server has it; should the diff still predate it, ask again.
    await expect
      .poll(
        async () => {
          await page.waitForSelector('[data-testid=diff-body][data-busy=false]', { timeout: TIMEOUT_MS });
          if ((await row.count()) === 1) return row.getAttribute('data-status');
          await page.click('[data-testid=diff-refresh]');
          return null;
        },
        { timeout: TIMEOUT_MS },
      )
      .toBe('modified');
    expect(await row.locator('[data-testid=diff-badge]').textContent()).toBe('修改');
    // Latin and CJK are diffed differently; the space before the typed text may belong to the insertion.
    const inserted = await row.locator('ins.cw-diff-ins').allTextContents();
    expect(inserted.join('').trim()).toBe(TYPED.trim());
    expect(await row.locator('del.cw-diff-del').count()).toBe(0);
    // Changed only (the default): the diff lists just this clause.
    expect(await page.locator('[data-testid=diff-clause]').count()).toBe(1);
    expect(await page.textContent('[data-testid=diff-count-modified]')).toBe('1');
    await screenshot(page, 'versions-diff');
    // Every clause when the filter is off, unchanged ones included.
    await page.click('[data-testid=diff-changed-only]');
    await expect
      .poll(() => page.locator('[data-testid=diff-clause][data-status=unchanged]').count(), { timeout: TIMEOUT_MS })
      .toBeGreaterThan(10);
    await page.click('[data-testid=diff-changed-only]');
  });

  test('page A restores the clause from v1: both editors show the old text again', async () => {
    const page = alice.page;
    const row = page.locator(diffClauseSelector(CLAUSE));
    await row.locator('[data-testid=restore-clause]').click();
    await row.locator('[data-testid=restore-clause-confirm]').click();
    await page.waitForSelector('[data-testid=history-notice]', { timeout: TIMEOUT_MS });
    // The diff is fetched again: nothing is left to show.
    await page.waitForSelector('[data-testid=diff-identical]', { timeout: TIMEOUT_MS });
    expect(await page.locator('[data-testid=diff-clause]').count()).toBe(0);

    await expect.poll(() => clauseText(bob.page, CLAUSE), { timeout: TIMEOUT_MS }).toBe(original);
    await page.click('[data-testid=diff-back]');
    await page.waitForSelector(clauseSelector(CLAUSE), { timeout: TIMEOUT_MS });
    await expect.poll(() => clauseText(page, CLAUSE), { timeout: TIMEOUT_MS }).toBe(original);
  });

  test("the clause's history button lists the version it appeared in and links to it", async () => {
    const page = bob.page;
    await caretToClauseEnd(page, CLAUSE);
    const button = page.locator(`${clauseSelector(CLAUSE)} [data-testid=clause-history-button]`);
    await button.click();
    const popover = page.locator('[data-testid=clause-history]');
    await popover.waitFor({ timeout: TIMEOUT_MS });
    await popover.locator('[data-testid=clause-history-entry][data-version="1"]').waitFor({ timeout: TIMEOUT_MS });
    await popover.locator('[data-testid=clause-editors]').waitFor({ timeout: TIMEOUT_MS });
    await screenshot(page, 'versions-clause-history');
    // The first version has nothing before it: its entry opens the read-only version with the labels it had.
    await popover
      .locator('[data-testid=clause-history-entry][data-version="1"] [data-testid=clause-history-diff]')
      .click();
    await page.waitForSelector('[data-testid=version-doc] p[data-type=clause][data-id=product]', {
      timeout: TIMEOUT_MS,
    });
    expect(await page.getAttribute('[data-testid=version-doc] p[data-id=product]', 'data-label')).toBe('2-1');
    await expect
      .poll(() => page.textContent('[data-testid=version-banner]'), { timeout: TIMEOUT_MS })
      .toContain('v1 — 初稿 — Alice');
    expect(await page.locator('[data-testid=clause-history]').count()).toBe(0);
    await screenshot(page, 'versions-readonly');
  });
});
