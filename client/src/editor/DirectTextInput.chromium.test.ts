import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppServer,
  type EditorSession,
  ensureClientBuilt,
  launchChromium,
  openEditorPage,
  startAppServer,
} from '../../e2e/harness/index.ts';
import { caretToClauseEnd } from '../../e2e/page/index.ts';

// Real key presses and a real IME composition (through the DevTools protocol) in headless Chromium, on the
// production build: which inputs DirectTextInput takes over, and that the result is what the browser's path gives.
const SEED = 'wechat-miniprogram-service';
const CLAUSE = 'renewal';

interface Recorded {
  type: string;
  prevented: boolean;
}

function clauseText(page: Page): Promise<string> {
  return page.locator(`p[data-type=clause][data-id=${CLAUSE}]`).evaluate((p) => p.textContent ?? '');
}

/** The clause's text in the editor's document (chips not included). */
function docText(page: Page): Promise<string> {
  return page.evaluate((id) => {
    const cw = (window as unknown as { __clausewright?: { editor: import('@tiptap/core').Editor } }).__clausewright;
    let text = '';
    cw?.editor.state.doc.descendants((node) => {
      if (node.type.name === 'clause' && node.attrs.id === id) text = node.textContent;
      return text === '';
    });
    return text;
  }, CLAUSE);
}

/** The beforeinput events since the last call: their type and whether the editor cancelled them. */
function takeInputs(page: Page): Promise<Recorded[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __inputs?: Recorded[] };
    return (w.__inputs ?? []).splice(0);
  });
}

describe('DirectTextInput in Chromium', () => {
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  let session: EditorSession;

  beforeAll(async () => {
    await ensureClientBuilt();
    server = await startAppServer();
    browser = await launchChromium();
    session = await openEditorPage(browser, server.url, SEED, { name: 'Typist' });
    await session.page.evaluate(() => {
      const w = window as unknown as { __inputs: Recorded[] };
      w.__inputs = [];
      // Bubbling listener on window: runs after the editor's own handler, so it sees the verdict.
      window.addEventListener('beforeinput', (e) => {
        w.__inputs.push({ type: (e as InputEvent).inputType, prevented: e.defaultPrevented });
      });
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('takes typed characters (and keeps bold on after Mod-b), leaving the text as typed', async () => {
    const { page } = session;
    await caretToClauseEnd(page, CLAUSE);
    const before = await clauseText(page);
    await takeInputs(page);
    await page.keyboard.type(' abc');
    // Each key's text is applied in a task right after its key event.
    await expect.poll(() => clauseText(page)).toBe(`${before} abc`);
    expect(await takeInputs(page)).toEqual(Array(4).fill({ type: 'insertText', prevented: true }));
    await page.keyboard.press('Control+b');
    await page.keyboard.type('BOLD');
    await expect.poll(() => clauseText(page)).toBe(`${before} abcBOLD`);
    const strong = page.locator(`p[data-type=clause][data-id=${CLAUSE}] strong`);
    expect(await strong.last().textContent()).toBe('BOLD');
    await page.keyboard.press('Control+b');
  });

  it('opens the field typeahead on {{ typed by key', async () => {
    const { page } = session;
    await caretToClauseEnd(page, CLAUSE);
    await page.keyboard.type(' {{');
    await page.waitForSelector('[data-testid=suggestion] [data-testid=suggestion-item]', { timeout: 10_000 });
    await page.keyboard.press('Escape');
  });

  it('scrolls a caret below the window into view when typing, and leaves the page where it is otherwise', async () => {
    const { page } = session;
    const viewport = page.viewportSize();
    // A short window, so the document scrolls whatever its length.
    await page.setViewportSize({ width: 1280, height: 360 });
    try {
      await caretToClauseEnd(page, CLAUSE);
      const caret = () =>
        page.evaluate(() => {
          const rect = getSelection()?.getRangeAt(0).getBoundingClientRect();
          return { top: rect?.top ?? 0, bottom: rect?.bottom ?? 0, scrollY: window.scrollY, height: innerHeight };
        });
      const shown = await caret();
      expect(shown.bottom).toBeLessThanOrEqual(shown.height);
      await page.keyboard.type('k');
      await expect.poll(async () => (await clauseText(page)).endsWith('k')).toBe(true);
      expect((await caret()).scrollY).toBe(shown.scrollY);

      // Scroll the page up until the caret is below the window's bottom edge, then type.
      await page.evaluate((by) => window.scrollBy(0, by), -(shown.height - shown.top + 60));
      const hidden = await caret();
      expect(hidden.top).toBeGreaterThan(hidden.height);
      await page.keyboard.type('m');
      await expect.poll(async () => (await caret()).bottom).toBeLessThanOrEqual(hidden.height);
      expect((await caret()).scrollY).toBeGreaterThan(hidden.scrollY);
    } finally {
      if (viewport) await page.setViewportSize(viewport);
    }
  });

  it('lays the clause typed in out at its natural height on every key, also when a line comes or goes', async () => {
    const { page } = session;
    await caretToClauseEnd(page, CLAUSE);
    /** The clause's box, how far its first and last lines sit from its edges, and whether its size was held. */
    const layout = () =>
      page.evaluate((id) => {
        const clause = document.querySelector(`p[data-type=clause][data-id=${id}]`) as HTMLElement;
        const box = clause.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(clause);
        const lines = range.getBoundingClientRect();
        return {
          height: box.height,
          above: lines.top - box.top,
          below: box.bottom - lines.bottom,
          held: clause.style.contain === 'size',
          length: clause.textContent?.length ?? 0,
        };
      }, CLAUSE);
    // Released once typing pauses (earlier tests typed here): the natural layout, which every held one must match.
    await expect.poll(async () => (await layout()).held).toBe(false);
    const start = await layout();
    const seen = { held: 0, heights: new Set<number>() };
    const check = async (length: number) => {
      await expect.poll(async () => (await layout()).length).toBe(length);
      const now = await layout();
      expect(Math.abs(now.above - start.above)).toBeLessThan(0.5);
      expect(Math.abs(now.below - start.below)).toBeLessThan(0.5);
      if (now.held) seen.held++;
      seen.heights.add(Math.round(now.height));
    };
    // Wide letters, so the clause gains lines, then loses them again.
    for (let i = 1; i <= 70; i++) {
      await page.keyboard.press('W');
      await check(start.length + i);
    }
    for (let i = 69; i >= 0; i--) {
      await page.keyboard.press('Backspace');
      await check(start.length + i);
    }
    expect(seen.held).toBeGreaterThan(70);
    expect(seen.heights.size).toBeGreaterThan(2);
  });

  it('leaves an IME composition to the browser and ProseMirror, which commit it once', async () => {
    const { page } = session;
    await caretToClauseEnd(page, CLAUSE);
    const before = await clauseText(page);
    const docBefore = await docText(page);
    await takeInputs(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'zh', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.imeSetComposition', { text: 'zhong', selectionStart: 5, selectionEnd: 5 });
    await cdp.send('Input.insertText', { text: '中' });
    await cdp.detach();
    await expect.poll(() => clauseText(page)).toBe(`${before}中`);
    const inputs = await takeInputs(page);
    expect(inputs.filter((i) => i.type === 'insertCompositionText').length).toBeGreaterThan(0);
    expect(inputs.filter((i) => i.type === 'insertCompositionText' && i.prevented)).toEqual([]);
    // The editor's document holds the committed text, not the composition's letters.
    expect(await docText(page)).toBe(`${docBefore}中`);
  });
});
