import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PizZip from 'pizzip';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  type AppServer,
  ensureClientBuilt,
  type FillSession,
  launchChromium,
  openFillPage,
  REPO_ROOT,
  screenshot,
  startAppServer,
} from './harness/index.ts';
import { previewClauses, previewValues } from './page/index.ts';

// The seed contract, and the development contract whose 源代码交付 article (第六条) exists only if=deliver_source.
const SEED = 'wechat-miniprogram-service';
const DEVELOPMENT = 'software-development-contract';
const SEED_VALUES = JSON.parse(
  readFileSync(join(REPO_ROOT, 'templates', SEED, 'sample.values.json'), 'utf8'),
) as Record<string, string | number>;
const NAME = '王律师';
const TIMEOUT = 15_000;

const input = (page: Page, key: string) => page.locator(`[data-testid=fill-input-${key}]`);

/** Clicks a button that makes the browser save a file, and returns the file's bytes and name. */
async function downloadBy(page: Page, click: () => Promise<void>): Promise<{ bytes: Buffer; name: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), click()])) as [
    Download,
    undefined,
  ];
  const path = await download.path();
  return { bytes: readFileSync(path), name: download.suggestedFilename() };
}

describe('filling and issuing contracts in headless Chromium', () => {
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  let session: FillSession | undefined;

  beforeAll(async () => {
    await ensureClientBuilt();
    server = await startAppServer();
    browser = await launchChromium();
    // Version 1 of both templates, so the page fills a published version by default.
    for (const id of [SEED, DEVELOPMENT]) {
      const res = await server.fetch(`/api/templates/${id}/versions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: '首次发布', author: 'E2E' }),
      });
      expect(res.status).toBe(201);
    }
  }, 300_000);

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      const slug = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      if (session) await screenshot(session.page, `e2e-failed-fill-${slug}`).catch(() => undefined);
    });
  });

  afterEach(async () => {
    // A refused issue is a 422 the page handles; the browser logs every non-2xx response all the same.
    expect((session?.errors ?? []).filter((e) => !e.includes('status of 422'))).toEqual([]);
    await session?.context.close();
    session = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, 60_000);

  const open = async (id: string) => {
    session = await openFillPage(browser as Browser, (server as AppServer).url, id, { name: NAME });
    return session.page;
  };

  test('typing the amount updates 人民币大写 under the input and in the preview, keystroke by keystroke', async () => {
    const page = await open(SEED);
    expect(await page.locator('[data-testid=fill-version]').inputValue()).toBe('1');
    await expect.poll(() => previewValues(page, 'amount')).toEqual(['＿＿＿＿', '＿＿＿＿']);

    await input(page, 'amount').click();
    await page.keyboard.type('12800');
    const upper = page.locator('[data-testid=fill-money-upper-amount]');
    await expect.poll(() => upper.textContent()).toContain('壹万贰仟捌佰元整');
    expect(await previewValues(page, 'amount')).toEqual(['12,800.00', '壹万贰仟捌佰元整']);

    await page.keyboard.type('.5');
    await expect.poll(() => upper.textContent()).toContain('壹万贰仟捌佰元零伍角');
    expect(await previewValues(page, 'amount')).toEqual(['12,800.50', '壹万贰仟捌佰元零伍角']);

    // A thousands separator is dropped; anything else that is not an amount gets the CLI's message.
    await input(page, 'amount').fill('1,680.32');
    await expect.poll(() => previewValues(page, 'amount')).toEqual(['1,680.32', '壹仟陆佰捌拾元叁角贰分']);
    await input(page, 'amount').fill('12万');
    await expect
      .poll(() => page.locator('[data-testid=fill-problem-amount]').textContent())
      .toBe('expected an amount like 12800 or "1680.32" (no separators or currency signs), got "12万"');
    expect(await previewValues(page, 'amount')).toEqual(['＿＿＿＿', '＿＿＿＿']);

    // Focusing an input scrolls the preview to the field's first use (the signature block, at the end).
    const scrollTop = () => page.locator('[data-testid=fill-preview]').evaluate((el) => el.scrollTop);
    const before = await scrollTop();
    await input(page, 'party_b_tel').focus();
    await expect.poll(scrollTop).toBeGreaterThan(before + 500);

    // Clicking a value in the text focuses its input; the focused field's values are outlined in the text.
    await page.locator('[data-testid=fill-preview-doc] [data-field=party_b]').first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('fill-party_b');
    expect(await page.locator('[data-testid=fill-preview-doc] [data-field=party_b].cw-active').count()).toBeGreaterThan(
      0,
    );
  });

  test('switching a boolean drops or restores its conditional clause, renumbering the clauses and references after it', async () => {
    const page = await open(DEVELOPMENT);
    const labelOf = async (id: string) => (await previewClauses(page)).find((c) => c.id === id)?.label;
    const warrantyRef = () =>
      page.locator('[data-testid=fill-preview-doc] #cw-total-price a.cw-ref[data-target=warranty]').textContent();
    const sourceSwitch = input(page, 'deliver_source');
    expect(await sourceSwitch.isChecked()).toBe(true);
    expect(await labelOf('source-code')).toBe('第六条');
    expect(await labelOf('warranty')).toBe('第七条');
    expect(await labelOf('confidentiality')).toBe('第八条');
    expect(await warrantyRef()).toBe('第七条');

    await sourceSwitch.click();
    await expect.poll(() => labelOf('source-code')).toBeUndefined();
    expect(await labelOf('warranty')).toBe('第六条');
    expect(await labelOf('confidentiality')).toBe('第七条');
    expect(await warrantyRef()).toBe('第六条');
    expect(await page.locator('[data-testid=fill-preview-doc] #cw-source-breach').count()).toBe(0);

    await sourceSwitch.click();
    await expect.poll(() => labelOf('source-code')).toBe('第六条');
    expect(await labelOf('source-delivery')).toBe('6-1');
    expect(await labelOf('warranty')).toBe('第七条');
    expect(await warrantyRef()).toBe('第七条');

    // A choice shows its clause too: 仲裁 replaces the litigation clause with the arbitration one.
    expect(await page.locator('[data-testid=fill-preview-doc] #cw-arbitration').count()).toBe(0);
    await page.locator('[data-testid=fill-input-dispute_resolution-1]').check();
    await expect.poll(() => labelOf('arbitration')).toBeDefined();
    expect(await labelOf('litigation')).toBeUndefined();
  });

  test('a refused issue lists every problem by its input; a reopened values set issues a .docx with the values and Word numbering; the log downloads it again byte for byte', async () => {
    const created = await (server as AppServer).fetch(`/api/templates/${SEED}/values`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '禾丰餐饮 2027 续约', version: 1, values: SEED_VALUES, by: NAME }),
    });
    expect(created.status).toBe(201);
    const page = await open(SEED);

    // Nothing filled yet: the server refuses, and every problem shows beside its input and in the list.
    await page.locator('[data-testid=fill-issue-docx]').click();
    await page.locator('[data-testid=fill-issue-refused]').waitFor({ timeout: TIMEOUT });
    expect(await page.locator('[data-testid=fill-problem-contract_no]').textContent()).toBe('is required');
    expect(await page.locator('[data-testid=fill-problem-amount]').textContent()).toBe('is required');
    const listed = Number(await page.locator('[data-testid=fill-problems]').getAttribute('data-count'));
    expect(listed).toBeGreaterThan(10);
    expect(await page.locator('[data-testid^=fill-problem-]').count()).toBe(listed);
    expect(await page.locator('[data-testid=fill-problems] li').count()).toBe(listed);

    const set = page.locator('[data-testid=fill-set][data-name="禾丰餐饮 2027 续约"]');
    await set.locator('[data-testid=fill-set-open]').click();
    await expect.poll(() => input(page, 'party_a').inputValue()).toBe(SEED_VALUES.party_a);
    expect(await input(page, 'amount').inputValue()).toBe('12800');
    expect(await page.locator('[data-testid=fill-problems]').getAttribute('data-count')).toBe('0');

    // Saving the form as a new set lists it.
    await page.locator('[data-testid=fill-set-name]').fill('同上，另存');
    await page.locator('[data-testid=fill-set-save]').click();
    await page.locator('[data-testid=fill-set][data-name="同上，另存"]').waitFor({ timeout: TIMEOUT });

    const docx = await downloadBy(page, () => page.locator('[data-testid=fill-issue-docx]').click());
    expect(docx.name).toBe('微信小程序服务合同书.docx');
    const xml = new PizZip(docx.bytes).file('word/document.xml')?.asText() ?? '';
    for (const value of [SEED_VALUES.party_a, SEED_VALUES.contract_no, SEED_VALUES.party_b_manager, '壹万贰仟捌佰元整'])
      expect(xml).toContain(String(value));
    expect(xml).toContain('12,800.00');
    expect(xml).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    expect(xml).toMatch(/<w:numPr><w:ilvl w:val="1"\/>/);
    expect(xml).not.toContain('草稿');

    const issued = page.locator('[data-testid=fill-issued]');
    await issued.waitFor({ timeout: TIMEOUT });
    const documentId = await issued.getAttribute('data-document-id');
    expect(documentId).toBeTruthy();
    await screenshot(page, 'fill');

    await page.locator('[data-testid=fill-to-documents]').click();
    const row = page.locator(`[data-testid=document-row][data-document-id="${documentId}"]`);
    await row.waitFor({ timeout: TIMEOUT });
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('微信小程序服务合同书');
    expect(text).toContain(NAME);
    expect(text).toContain('v1');
    expect(text).toContain(createHash('sha256').update(docx.bytes).digest('hex').slice(0, 12));
    const again = await downloadBy(page, () => row.locator('[data-testid=document-download]').click());
    expect(again.bytes.equals(docx.bytes)).toBe(true);
    await expect.poll(() => row.locator('[data-testid=document-verified]').getAttribute('data-same')).toBe('true');
  });

  test('a values set reopens with the version it was saved with, and can be overwritten and deleted; the log filters by template', async () => {
    const setsUrl = `/api/templates/${DEVELOPMENT}/values`;
    const created = await (server as AppServer).fetch(setsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '草稿里的一份',
        version: 'draft',
        values: { party_a: '甲公司', deliver_source: false },
      }),
    });
    const { id: setId } = (await created.json()) as { id: string };
    const page = await open(DEVELOPMENT);
    expect(await page.locator('[data-testid=fill-page]').getAttribute('data-version')).toBe('1');

    const set = page.locator(`[data-testid=fill-set][data-set-id="${setId}"]`);
    await set.locator('[data-testid=fill-set-open]').click();
    await page.locator('[data-testid=fill-page][data-version=draft]').waitFor({ timeout: TIMEOUT });
    expect(await input(page, 'party_a').inputValue()).toBe('甲公司');
    expect(await input(page, 'deliver_source').isChecked()).toBe(false);
    expect(await previewValues(page, 'party_a')).toContain('甲公司');

    await input(page, 'party_a').fill('乙公司');
    await set.locator('[data-testid=fill-set-overwrite]').click();
    await expect
      .poll(
        async () =>
          ((await (await (server as AppServer).fetch(`${setsUrl}/${setId}`)).json()) as { values: object }).values,
      )
      .toMatchObject({ party_a: '乙公司', deliver_source: false });

    page.once('dialog', (dialog) => void dialog.accept());
    await set.locator('[data-testid=fill-set-delete]').click();
    await set.waitFor({ state: 'detached', timeout: TIMEOUT });
    expect((await (server as AppServer).fetch(`${setsUrl}/${setId}`)).status).toBe(404);

    // The documents log holds a seed document (issued here too, so this test stands alone), none of this template.
    const issued = await (server as AppServer).fetch(`/api/templates/${SEED}/render`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'txt', values: SEED_VALUES, by: NAME }),
    });
    expect(issued.status).toBe(200);
    await page.locator('[data-testid=nav-documents]').click();
    await page.locator('[data-testid=documents-page][data-state=ready]').waitFor({ timeout: TIMEOUT });
    expect(await page.locator(`[data-testid=document-row][data-template=${SEED}]`).count()).toBeGreaterThan(0);
    await page.locator('[data-testid=documents-filter]').selectOption(DEVELOPMENT);
    await page.locator('[data-testid=documents-empty]').waitFor({ timeout: TIMEOUT });
    await page.locator('[data-testid=documents-filter]').selectOption(SEED);
    await page.locator('[data-testid=document-row]').first().waitFor({ timeout: TIMEOUT });
    expect(await page.locator(`[data-testid=document-row]:not([data-template=${SEED}])`).count()).toBe(0);
  });

  test('the live draft is marked as a draft on the page and in what it issues', async () => {
    const page = await open(SEED);
    expect(await page.locator('[data-testid=fill-draft-banner]').count()).toBe(0);
    await page.locator('[data-testid=fill-version]').selectOption('draft');
    await page.locator('[data-testid=fill-page][data-version=draft]').waitFor({ timeout: TIMEOUT });
    await page.locator('[data-testid=fill-draft-banner]').waitFor();
    expect(await page.locator('[data-testid=fill-draft-badge]').textContent()).toContain('草稿');

    // What was typed stays when the version changes.
    for (const [key, value] of Object.entries(SEED_VALUES)) await input(page, key).fill(String(value));
    const txt = await downloadBy(page, () => page.locator('[data-testid=fill-issue-txt]').click());
    expect(txt.name).toBe('微信小程序服务合同书.txt');
    const body = txt.bytes.toString('utf8');
    expect(body).toContain('草稿 / DRAFT');
    expect(body).toContain(SEED_VALUES.party_a);
  });
});
