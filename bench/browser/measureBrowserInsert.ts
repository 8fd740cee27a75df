import type { Browser } from 'playwright-core';
import { typeKeys } from './typeKeys.ts';

// The page's script as a string: bench/ compiles without DOM types. Same timing as the editor's input probe:
// keydown (capture) → the input event's microtasks run → layout.
const PROBE = `(() => {
  const root = document.getElementById('doc');
  window.__samples = [];
  let start = -1;
  addEventListener('keydown', () => { start = performance.now(); }, { capture: true });
  addEventListener('input', () => {
    const t0 = start;
    start = -1;
    if (t0 < 0) return;
    queueMicrotask(() => { void root.offsetHeight; window.__samples.push(performance.now() - t0); });
  }, { capture: true });
  const middle = root.children[Math.floor(root.children.length / 2)];
  const range = document.createRange();
  range.selectNodeContents(middle);
  range.collapse(false);
  root.focus();
  getSelection().removeAllRanges();
  getSelection().addRange(range);
})()`;

/**
 * Chromium's own cost of typing into a contenteditable of `paragraphs` clause-like paragraphs (chips as
 * non-editable spans, labels as ::before) with no editor at all: the floor under any real-key figure.
 */
export async function measureBrowserInsert(
  browser: Browser,
  paragraphs: number,
  keys: number,
  gapMs: number,
): Promise<number[]> {
  const chip = (text: string) => `<span contenteditable="false" class="chip">${text}</span>`;
  const body = Array.from(
    { length: paragraphs },
    (_, i) =>
      `<p data-label="${i + 1}">甲方应于本条约定期限内支付人民币${chip('合同金额')}元（大写：${chip('合同金额 · 大写')}），逾期按照${chip('第一条')}的约定承担违约责任。</p>`,
  ).join('');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.setContent(
      `<!doctype html><meta charset="utf-8"><style>#doc{width:640px;margin:auto;font:16px/1.8 serif}` +
        `p::before{content:attr(data-label);display:inline-block;width:4em}.chip{background:#eef}</style>` +
        `<div id="doc" contenteditable="true">${body}</div>`,
    );
    await page.evaluate(PROBE);
    await typeKeys(page, keys, gapMs);
    return (await page.evaluate('window.__samples')) as number[];
  } finally {
    await context.close();
  }
}
