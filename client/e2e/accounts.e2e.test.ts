import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type AppServer,
  E2E_ADMIN,
  EDITOR_CLAUSE,
  ensureClientBuilt,
  launchChromium,
  openEditorPage,
  passwordFor,
  screenshot,
  startAppServer,
  usernameFor,
} from './harness/index.ts';

const SEED = 'wechat-miniprogram-service';
const TIMEOUT = 15_000;

describe('accounts in headless Chromium: login, sharing, read-only viewers', () => {
  let server: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureClientBuilt();
    server = await startAppServer();
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, 60_000);

  test('a page opened without a session goes to /login and, once logged in, back to the page; logging out ends it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript({ content: `localStorage.setItem('clausewright.lang', 'en');` });
    const page = await context.newPage();
    await page.goto(`${server.url}/t/${SEED}`);
    await page.waitForURL(/\/login\?next=/, { timeout: TIMEOUT });
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/t/${SEED}`);
    expect(await page.locator('[data-testid=login-page] h1').textContent()).toBe('Log in to Clausewright');

    await page.fill('[data-testid=login-username]', 'admin');
    await page.fill('[data-testid=login-password]', 'not the password');
    await page.click('[data-testid=login-submit]');
    expect(await page.locator('[data-testid=login-error]').textContent({ timeout: TIMEOUT })).toBe(
      'Wrong username or password.',
    );
    await screenshot(page, 'accounts-login');
    await page.fill('[data-testid=login-password]', E2E_ADMIN.password);
    await page.click('[data-testid=login-submit]');
    await page.waitForSelector(EDITOR_CLAUSE, { timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe(`/t/${SEED}`);
    expect(await page.locator('[data-testid=user-menu]').textContent()).toBe('Admin');
    // The session cookie is HTTP-only: the page's script cannot read it.
    expect(await page.evaluate(() => document.cookie)).toBe('');

    await page.click('[data-testid=user-menu]');
    await page.click('[data-testid=user-logout]');
    await page.waitForURL(/\/login/, { timeout: TIMEOUT });
    expect((await context.request.get(`${server.url}/api/session`)).status()).toBe(401);
    await context.close();
  });

  test('an owner shares the template with a viewer, whose editor is read-only with a banner and no publish or restore', async () => {
    const owner = await openEditorPage(browser, server.url, SEED, { name: 'Olga Owner', lang: 'en' });
    // The viewer's account exists (made by the admin), with no role yet.
    const viewerName = 'Victor Viewer';
    const username = usernameFor(viewerName);
    const made = await server.fetch('/api/users', {
      method: 'POST',
      body: JSON.stringify({ username, displayName: viewerName, password: passwordFor(username) }),
    });
    expect(made.status).toBe(201);

    await owner.page.click('[data-testid=share-button]');
    const dialog = owner.page.locator('[data-testid=share-dialog]');
    await dialog.waitFor({ timeout: TIMEOUT });
    await dialog.locator('[data-testid=share-user]').selectOption(username);
    await dialog.locator('[data-testid=share-new-role]').selectOption('viewer');
    await dialog.locator('[data-testid=share-add]').click();
    const row = dialog.locator(`[data-testid=share-member][data-username="${username}"]`);
    await row.waitFor({ timeout: TIMEOUT });
    expect(await row.getAttribute('data-role')).toBe('viewer');
    await screenshot(owner.page, 'accounts-share');
    await dialog.locator('[data-testid=share-close]').click();

    // Opening as the viewer keeps the role the owner gave (the harness would otherwise make it owner).
    const viewer = await openEditorPage(browser, server.url, SEED, { name: viewerName, lang: 'en', role: 'viewer' });
    const banner = viewer.page.locator('[data-testid=read-only-banner]');
    await banner.waitFor({ timeout: TIMEOUT });
    expect(await banner.textContent()).toMatch(/^Read-only/);
    await viewer.page.waitForSelector('[data-testid=editor] .ProseMirror[contenteditable=false]', { timeout: TIMEOUT });
    expect(await viewer.page.locator('[data-testid=share-button]').count()).toBe(0);
    await viewer.page.click('[data-testid=history-toggle]');
    await viewer.page.locator('[data-testid=history-panel]').waitFor({ timeout: TIMEOUT });
    expect(await viewer.page.locator('[data-testid=publish-form]').count()).toBe(0);
    expect(await viewer.page.locator('[data-testid=version-restore]').count()).toBe(0);
    // The server refuses a viewer's publish whatever the page shows.
    const publish = await viewer.context.request.post(`${server.url}/api/templates/${SEED}/versions`, {
      data: { message: 'sneaky' },
    });
    expect(publish.status()).toBe(403);
    await screenshot(viewer.page, 'accounts-viewer');

    // The owner takes the role away: the viewer's next request is refused.
    await owner.page.click('[data-testid=share-button]');
    await owner.page
      .locator(`[data-testid=share-member][data-username="${username}"] [data-testid=share-remove]`)
      .click();
    await owner.page
      .locator(`[data-testid=share-member][data-username="${username}"]`)
      .waitFor({ state: 'detached', timeout: TIMEOUT });
    expect((await viewer.context.request.get(`${server.url}/api/templates/${SEED}`)).status()).toBe(403);
    await viewer.page.reload();
    const refused = viewer.page.locator('[data-testid=no-access]');
    await refused.waitFor({ timeout: TIMEOUT });
    expect(await refused.textContent()).toMatch(/no access to template/);
    await owner.context.close();
    await viewer.context.close();
  });

  test('the login page and the read-only banner speak Chinese too', async () => {
    const viewer = await openEditorPage(browser, server.url, SEED, { name: '只读的人', lang: 'zh', role: 'viewer' });
    const banner = viewer.page.locator('[data-testid=read-only-banner]');
    await banner.waitFor({ timeout: TIMEOUT });
    expect(await banner.textContent()).toMatch(/^只读/);
    await viewer.page.click('[data-testid=user-menu]');
    await viewer.page.click('[data-testid=user-logout]');
    await viewer.page.waitForSelector('[data-testid=login-page]', { timeout: TIMEOUT });
    expect(await viewer.page.locator('[data-testid=login-page] h1').textContent()).toBe('登录 Clausewright');
    await viewer.context.close();
  });
});
