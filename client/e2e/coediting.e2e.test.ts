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
import { caretToClauseEnd, clauseState } from './page/index.ts';

// The seed contract (templates/wechat-miniprogram-service), numbered zh-article: 第一条, 1-1, 3-1-1 … Its clause ids
// come from the file ({#product}); the tests find clauses by id so that only the label checks depend on labels.
const SEED = 'wechat-miniprogram-service';
const CLAUSE = {
  termAndPayment: 'term-and-payment', // 第一条
  renewal: 'renewal', // 1-2
  product: 'product', // 2-1
  expiry: 'expiry', // 4-2
  notBreach: 'not-breach', // 4-3
  maintenanceOutage: 'maintenance-outage', // 4-3-1
  forceMajeure: 'force-majeure', // 第五条
  forceMajeureExemption: 'force-majeure-exemption', // 5-1
  jurisdiction: 'jurisdiction', // 6-1
} as const;
const SYNC_TIMEOUT_MS = 15_000;
const STATUS = '[data-testid=connection-status]';

async function waitConnected(page: Page): Promise<void> {
  await page.waitForSelector(`${STATUS}[data-state=connected]`, { timeout: SYNC_TIMEOUT_MS });
}

/** Waits until the clause renders with the expected parts in the page (labels, text and chips all sync). */
function expectClause(page: Page, id: string) {
  return expect.poll(() => clauseState(page, id), { timeout: SYNC_TIMEOUT_MS, interval: 100 });
}

describe('two people co-editing the seed contract in headless Chromium', () => {
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  let alice: EditorSession;
  let bob: EditorSession;

  beforeAll(async () => {
    await ensureClientBuilt();
    server = await startAppServer();
    browser = await launchChromium();
    alice = await openEditorPage(browser, server.url, SEED, { name: 'Alice' });
    bob = await openEditorPage(browser, server.url, SEED, { name: 'Bob' });
    await waitConnected(alice.page);
    await waitConnected(bob.page);
  }, 300_000);

  // A failed check leaves a picture of both pages behind, named after the test.
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      const slug = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      for (const [who, session] of [
        ['alice', alice],
        ['bob', bob],
      ] as const) {
        if (session) await screenshot(session.page, `e2e-failed-${slug}-${who}`).catch(() => undefined);
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, 60_000);

  test('both pages number the seed contract the same way', async () => {
    const labels = (page: Page) =>
      page
        .locator('[data-testid=editor] .ProseMirror p[data-type=clause]')
        .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-id')}=${el.getAttribute('data-label')}`));
    const fromAlice = await labels(alice.page);
    expect(fromAlice).toEqual(
      expect.arrayContaining([
        'term-and-payment=第一条',
        'renewal=1-2',
        'product=2-1',
        'party-a-contact=3-1-1',
        'expiry=4-2',
        'maintenance-outage=4-3-1',
        'counterparts=7-7',
      ]),
    );
    expect(await labels(bob.page)).toEqual(fromAlice);
  });

  test('text typed into clause 2-1 on one page appears on the other', async () => {
    const id = CLAUSE.product;
    const before = await clauseState(alice.page, id);
    if (!before) throw new Error('clause 2-1 not rendered');
    const typed = ' Alice typed this 甲方确认。';
    await caretToClauseEnd(alice.page, id);
    await alice.page.keyboard.type(typed);
    await expectClause(alice.page, id).toMatchObject({ text: before.text + typed });
    await expectClause(bob.page, id).toMatchObject({ text: before.text + typed });
  });

  test('Tab on one page demotes a clause and relabels it on both; Shift-Tab on the other page undoes it', async () => {
    const moved = CLAUSE.expiry;
    const next = CLAUSE.notBreach;
    const nextChild = CLAUSE.maintenanceOutage;
    for (const page of [alice.page, bob.page]) {
      await expectClause(page, moved).toMatchObject({ label: '4-2', level: '2' });
      await expectClause(page, nextChild).toMatchObject({ label: '4-3-1' });
    }

    await caretToClauseEnd(alice.page, moved);
    await alice.page.keyboard.press('Tab');
    for (const page of [alice.page, bob.page]) {
      await expectClause(page, moved).toMatchObject({ label: '4-1-1', level: '3' });
      await expectClause(page, next).toMatchObject({ label: '4-2', level: '2' });
      await expectClause(page, nextChild).toMatchObject({ label: '4-2-1' });
    }

    await caretToClauseEnd(bob.page, moved);
    await bob.page.keyboard.press('Shift+Tab');
    for (const page of [alice.page, bob.page]) {
      await expectClause(page, moved).toMatchObject({ label: '4-2', level: '2' });
      await expectClause(page, next).toMatchObject({ label: '4-3' });
      await expectClause(page, nextChild).toMatchObject({ label: '4-3-1' });
    }
  });

  test('typing {{ opens the field typeahead and Enter inserts a chip seen on both pages', async () => {
    const id = CLAUSE.renewal;
    const before = await clauseState(bob.page, id);
    expect(before?.fieldKeys).toEqual([]);

    await caretToClauseEnd(bob.page, id);
    await bob.page.keyboard.type('{{');
    const popup = bob.page.locator('[data-testid=suggestion]');
    await popup.waitFor({ state: 'visible', timeout: SYNC_TIMEOUT_MS });
    await bob.page.keyboard.type('contract');
    const selected = popup.locator('[data-testid=suggestion-item][aria-selected=true]');
    await expect.poll(() => selected.textContent(), { timeout: SYNC_TIMEOUT_MS }).toContain('contract_no');
    await screenshot(bob.page, 'e2e-field-typeahead');
    await bob.page.keyboard.press('Enter');
    await popup.waitFor({ state: 'hidden', timeout: SYNC_TIMEOUT_MS });

    for (const page of [bob.page, alice.page]) {
      await expectClause(page, id).toMatchObject({ fieldKeys: ['contract_no'] });
      expect((await clauseState(page, id))?.text).not.toContain('{{');
      expect(await page.locator(`p[data-id="${id}"] span[data-type=field][data-key=contract_no]`).isVisible()).toBe(
        true,
      );
    }
  });

  test("each page shows the other person's caret with their name", async () => {
    // Both have put their caret in the document by now; y-prosemirror's carets carry the user's name.
    const caret = (page: Page, name: string) =>
      page
        .locator('[data-testid=editor] .ProseMirror-yjs-cursor, [data-testid=editor] .collaboration-carets__caret')
        .filter({ hasText: name });
    await caretToClauseEnd(alice.page, CLAUSE.forceMajeure);
    await caret(bob.page, 'Alice').first().waitFor({ state: 'visible', timeout: SYNC_TIMEOUT_MS });
    await caretToClauseEnd(bob.page, CLAUSE.forceMajeureExemption);
    await caret(alice.page, 'Bob').first().waitFor({ state: 'visible', timeout: SYNC_TIMEOUT_MS });
    // Both carets sit in 第五条, so each picture shows the other person's caret.
    await screenshot(alice.page, 'e2e-editor-alice');
    await screenshot(bob.page, 'e2e-editor-bob');
  });

  test('an edit made offline is counted as unsynced and reaches the other page on reconnect', async () => {
    const id = CLAUSE.jurisdiction;
    const before = await clauseState(alice.page, id);
    if (!before) throw new Error('clause 6-1 not rendered');
    const typed = ' (offline edit)';

    await alice.context.setOffline(true);
    await caretToClauseEnd(alice.page, id);
    await alice.page.keyboard.type(typed);
    const status = alice.page.locator(STATUS);
    await expect
      .poll(async () => ({ state: await status.getAttribute('data-state') }), { timeout: SYNC_TIMEOUT_MS })
      .toEqual({ state: 'offline' });
    expect(Number(await status.getAttribute('data-unsynced'))).toBeGreaterThan(0);
    await screenshot(alice.page, 'e2e-offline');
    expect((await clauseState(bob.page, id))?.text).toBe(before.text);

    await alice.context.setOffline(false);
    await expectClause(bob.page, id).toMatchObject({ text: before.text + typed });
    await waitConnected(alice.page);
    await expect.poll(() => status.getAttribute('data-unsynced'), { timeout: SYNC_TIMEOUT_MS }).toBe('0');
  });

  test('reloading, and a server restart with a fresh browser, keep every edit', async () => {
    if (!server || !browser) throw new Error('not started');
    const ids = { typed: CLAUSE.product, field: CLAUSE.renewal, offline: CLAUSE.jurisdiction };
    const expected = {
      typed: await clauseState(alice.page, ids.typed),
      field: await clauseState(alice.page, ids.field),
      offline: await clauseState(alice.page, ids.offline),
    };
    expect(expected.typed?.text).toContain('Alice typed this');
    expect(expected.field?.fieldKeys).toEqual(['contract_no']);
    expect(expected.offline?.text).toContain('(offline edit)');

    await bob.page.reload();
    await waitConnected(bob.page);
    for (const key of ['typed', 'field', 'offline'] as const) {
      await expectClause(bob.page, ids[key]).toEqual(expected[key]);
    }

    // Only what the server stored: a new browser context has no IndexedDB copy to fall back on.
    await server.restart();
    const carol = await openEditorPage(browser, server.url, SEED, { name: 'Carol' });
    try {
      await waitConnected(carol.page);
      for (const key of ['typed', 'field', 'offline'] as const) {
        await expectClause(carol.page, ids[key]).toEqual(expected[key]);
      }
      await screenshot(carol.page, 'e2e-after-restart');
    } finally {
      await carol.context.close();
    }
  });

  test('no uncaught errors on either page', () => {
    const uncaught = [...alice.errors, ...bob.errors].filter((e) => e.startsWith('pageerror'));
    expect(uncaught).toEqual([]);
  });
});
