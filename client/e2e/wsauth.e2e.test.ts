import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type AppServer,
  EDITOR_CLAUSE,
  ensureClientBuilt,
  launchChromium,
  openEditorPage,
  passwordFor,
  screenshot,
  startAppServer,
  usernameFor,
} from './harness/index.ts';
import { caretToClauseEnd } from './page/index.ts';

const SEED = 'wechat-miniprogram-service';
const TIMEOUT = 15_000;

describe('the websocket checks logins in headless Chromium', () => {
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

  /** The draft as the server holds it, as JSON text. */
  const serverDraft = async () => JSON.stringify(await (await server.fetch(`/api/templates/${SEED}/model`)).json());

  test('a viewer gets a read-only editor; typing changes nothing, and a forced change is refused and explained', async () => {
    const viewer = await openEditorPage(browser, server.url, SEED, { name: 'Vera Viewer', lang: 'en', role: 'viewer' });
    const { page } = viewer;
    await page.waitForSelector('[data-testid=editor] .ProseMirror[contenteditable=false]', { timeout: TIMEOUT });
    const before = await serverDraft();

    await page.click(EDITOR_CLAUSE);
    await page.keyboard.type('VIEWERTYPED');
    // Bypassing the read-only editor: a change made straight in the page's Y.Doc goes out over the websocket.
    await page.evaluate(() => {
      const globals = (window as unknown as { __clausewright: { ydoc: unknown } }).__clausewright;
      type Node = { nodeName?: string; insert?: (at: number, text: string) => void; toArray(): Node[] };
      const body = (globals.ydoc as { getXmlFragment(name: string): Node }).getXmlFragment('body');
      const clause = body.toArray().find((n) => n.nodeName === 'clause');
      const text = clause?.toArray().find((n) => typeof n.insert === 'function' && n.nodeName === undefined);
      if (!text?.insert) throw new Error('no text in the first clause');
      text.insert(0, 'VIEWERFORCED');
    });
    const problem = page.locator('[data-testid=connection-problem]');
    await problem.waitFor({ timeout: TIMEOUT });
    expect(await problem.getAttribute('data-kind')).toBe('readOnly');
    expect(await problem.textContent()).toContain('Read-only: your change was not saved');
    // Still connected: a viewer keeps receiving live changes.
    expect(await page.locator('[data-testid=connection-status]').getAttribute('data-state')).toBe('connected');
    await screenshot(page, 'wsauth-viewer-refused');

    // The server has neither the typing nor the forced change.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = await serverDraft();
    expect(after).not.toContain('VIEWERTYPED');
    expect(after).not.toContain('VIEWERFORCED');
    expect(after).toBe(before);
    await viewer.context.close();
  });

  test('revoking an editor closes their page’s connection at once, says why (zh) and does not loop reconnecting', async () => {
    const name = 'Ed Revoked';
    const editor = await openEditorPage(browser, server.url, SEED, { name, lang: 'zh', role: 'editor' });
    const { page } = editor;
    const status = page.locator('[data-testid=connection-status]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=connection-status]')?.getAttribute('data-state') === 'connected',
      undefined,
      { timeout: TIMEOUT },
    );
    const res = await server.fetch(`/api/templates/${SEED}/members/${usernameFor(name)}`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    const problem = page.locator('[data-testid=connection-problem]');
    await problem.waitFor({ timeout: 5000 });
    expect(await problem.getAttribute('data-kind')).toBe('revoked');
    expect(await problem.textContent()).toContain('您对此模板的访问权限已被收回');
    // The reconnect loop is stopped: three seconds later the page is still closed, not retrying.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await status.getAttribute('data-state')).toBe('offline');
    const retrying = await page.evaluate(
      () =>
        (window as unknown as { __clausewright: { provider: { shouldConnect: boolean } } }).__clausewright.provider
          .shouldConnect,
    );
    expect(retrying).toBe(false);
    // Nothing typed now could ever be sent: the editor is read-only.
    await page.waitForSelector('[data-testid=editor] .ProseMirror[contenteditable=false]', { timeout: TIMEOUT });
    await screenshot(page, 'wsauth-revoked');
    await editor.context.close();
  });

  test('an owner makes an open viewer page an editor, then owner, then viewer again: it follows each within a second, without reloading', async () => {
    const owner = await openEditorPage(browser, server.url, SEED, { name: 'Olive Owner', lang: 'en' });
    const viewerName = 'Len Live';
    const username = usernameFor(viewerName);
    const viewer = await openEditorPage(browser, server.url, SEED, { name: viewerName, lang: 'en', role: 'viewer' });
    const page = viewer.page;
    const banner = page.locator('[data-testid=read-only-banner]');
    await banner.waitFor({ timeout: TIMEOUT });
    await page.waitForSelector('[data-testid=editor] .ProseMirror[contenteditable=false]', { timeout: TIMEOUT });
    expect(await page.locator('[data-testid=share-button]').count()).toBe(0);
    // Marks this page's socket: the same one must carry everything below (no reconnect, no reload).
    await page.evaluate(() => {
      const ws = (window as unknown as { __clausewright: { provider: { ws: object | null } } }).__clausewright.provider
        .ws;
      if (!ws) throw new Error('no open socket');
      (ws as { marked?: boolean }).marked = true;
    });
    const sameSocket = () =>
      page.evaluate(
        () =>
          (window as unknown as { __clausewright: { provider: { ws: { marked?: boolean } | null } } }).__clausewright
            .provider.ws?.marked === true,
      );

    await owner.page.click('[data-testid=share-button]');
    const row = owner.page.locator(
      `[data-testid=share-dialog] [data-testid=share-member][data-username="${username}"]`,
    );
    await row.waitFor({ timeout: TIMEOUT });
    /** Sets the role in the owner's sharing dialog; resolves once `ready` holds in the viewer's page, with the ms. */
    const change = async (role: string, ready: string) => {
      const started = Date.now();
      await row.locator('[data-testid=share-role]').selectOption(role);
      await page.waitForSelector(ready, { timeout: 5000 });
      const ms = Date.now() - started;
      console.log(`viewer page followed the change to ${role} in ${ms} ms`);
      return ms;
    };

    // viewer → editor: editable, no banner, told so; what they type reaches the owner's page.
    expect(await change('editor', '[data-testid=editor] .ProseMirror[contenteditable=true]')).toBeLessThan(1000);
    await banner.waitFor({ state: 'detached', timeout: TIMEOUT });
    expect(await page.locator('[data-testid=role-changed]').getAttribute('data-role')).toBe('editor');
    expect(await page.locator('[data-testid=role-changed]').textContent()).toBe(
      'Your role on this template is now “Editor”.',
    );
    expect(await page.locator('[data-testid=share-button]').count()).toBe(0);
    await caretToClauseEnd(page, 'renewal');
    await page.keyboard.type(' LIVEPROMOTED');
    await owner.page.waitForFunction(
      () => document.querySelector('[data-testid=editor]')?.textContent?.includes('LIVEPROMOTED'),
      undefined,
      { timeout: TIMEOUT },
    );
    await expect.poll(serverDraft, { timeout: TIMEOUT }).toContain('LIVEPROMOTED');
    expect(await page.locator('[data-testid=connection-problem]').count()).toBe(0);
    await screenshot(page, 'wsauth-promoted');

    // editor → owner: the Share button appears.
    expect(await change('owner', '[data-testid=share-button]')).toBeLessThan(1000);

    // owner → viewer: read-only again at once (before typing anything), banner back, Share button gone.
    expect(await change('viewer', '[data-testid=editor] .ProseMirror[contenteditable=false]')).toBeLessThan(1000);
    await banner.waitFor({ timeout: TIMEOUT });
    expect(await page.locator('[data-testid=share-button]').count()).toBe(0);
    expect(await page.locator('[data-testid=role-changed]').getAttribute('data-role')).toBe('viewer');
    await page.click(EDITOR_CLAUSE);
    await page.keyboard.type('LIVEDEMOTED');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await serverDraft()).not.toContain('LIVEDEMOTED');
    // Nothing was typed into the read-only editor, so nothing was refused either.
    expect(await page.locator('[data-testid=connection-problem]').count()).toBe(0);
    expect(await sameSocket()).toBe(true);
    expect(await page.locator('[data-testid=connection-status]').getAttribute('data-state')).toBe('connected');
    await screenshot(page, 'wsauth-demoted');
    await owner.context.close();
    await viewer.context.close();
  });

  test('a password changed elsewhere ends the page’s login: its connection closes and the page goes to /login', async () => {
    const name = 'Pat Password';
    const editor = await openEditorPage(browser, server.url, SEED, { name, lang: 'en', role: 'editor' });
    const username = usernameFor(name);
    // The same person, logged in on another device, changes the password: every other session ends.
    const other = await browser.newContext();
    const login = await other.request.post(`${server.url}/api/session`, {
      data: { username, password: passwordFor(username) },
    });
    expect(login.status()).toBe(200);
    const changed = await other.request.post(`${server.url}/api/session/password`, {
      data: { current: passwordFor(username), next: `${passwordFor(username)}-2` },
    });
    expect(changed.status()).toBe(204);
    await editor.page.waitForURL(/\/login\?next=/, { timeout: TIMEOUT });
    expect(new URL(editor.page.url()).searchParams.get('next')).toBe(`/t/${SEED}`);
    await other.close();
    await editor.context.close();
  });
});
