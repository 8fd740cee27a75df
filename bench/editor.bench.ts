import type { Page } from 'playwright-core';
import { ensureClientBuilt, launchChromium, openEditorPage, startAppServer } from '../client/e2e/harness/index.ts';
import {
  createThousandClauseTemplate,
  installProbes,
  measureOpen,
  type PageWindow,
  typeKeys,
} from './browser/index.ts';
import type { Bench } from './harness.ts';

// Browser benchmarks on the production client build, served by the real server, in headless Chromium:
//  editor.keystroke.1000  real key press → its transaction applied (labels, Yjs, carets) + layout, in the page;
//  editor.remote.1000     the other page: websocket message in → remote edit applied to its editor + layout;
//  editor.open.1000       navigation start → every clause labelled (fresh context, so all from the server).
const KEYS = 300;
const WARMUP_KEYS = 40;
const KEY_GAP_MS = 25;
const OPEN_RUNS = 5;
const KEYSTROKE_TARGET_P95 = 4;
const REMOTE_TARGET_P95 = 16;

// Each reader runs in the page (serialised by playwright), hence the repeated global lookup.
const takeKeystrokes = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as PageWindow).__cwBench?.keystrokes.splice(0) ?? []);
const takeRemote = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as PageWindow).__cwBench?.remote.splice(0) ?? []);
const dispatchInserts = (page: Page, count: number) =>
  page.evaluate((n) => (globalThis as unknown as PageWindow).__cwBench?.dispatchInserts(n) ?? [], count);
const caretToClauseEnd = (page: Page, id: string) =>
  page.evaluate((clause) => (globalThis as unknown as PageWindow).__cwBench?.caretToClauseEnd(clause), id);
const middleClauseId = (page: Page) =>
  page.evaluate(() => {
    const probes = (globalThis as unknown as PageWindow).__cwBench;
    return probes ? probes.clauseIdAt(Math.floor(probes.clauseCount() / 2)) : '';
  });
const watchRemote = (page: Page) => page.evaluate(() => (globalThis as unknown as PageWindow).__cwBench?.watchRemote());
const labelledAtLeast = (page: Page, n: number) =>
  page.waitForFunction(
    (expected) =>
      (globalThis as unknown as PageWindow).document.querySelectorAll('p[data-type=clause][data-label]').length >=
      expected,
    n,
    { timeout: 120_000 },
  );

export default async function editorBench(bench: Bench): Promise<void> {
  const build = await ensureClientBuilt();
  if (build.built) console.log('  (built the client first)');
  const server = await startAppServer();
  const browser = await launchChromium();
  try {
    const doc = await createThousandClauseTemplate(server.url);
    console.log(`  document ${doc.id}: ${doc.clauses} clauses`);

    await measureOpen(browser, server.url, doc.id, doc.clauses, 1); // warm: the server loads the document once
    bench.record('editor.open.1000', await measureOpen(browser, server.url, doc.id, doc.clauses, OPEN_RUNS), 'ms');

    const open = { timeoutMs: 120_000 };
    const a = await openEditorPage(browser, server.url, doc.id, { name: 'Bench A', ...open });
    await labelledAtLeast(a.page, doc.clauses);
    await installProbes(a.page);
    const middle = await middleClauseId(a.page);
    await caretToClauseEnd(a.page, middle);

    // Alone on the document first, so the other page's work does not share the two cores.
    await typeKeys(a.page, WARMUP_KEYS, KEY_GAP_MS);
    await takeKeystrokes(a.page);
    await typeKeys(a.page, KEYS, KEY_GAP_MS);
    const keystrokes = await takeKeystrokes(a.page);
    if (keystrokes.length < KEYS * 0.95) throw new Error(`only ${keystrokes.length}/${KEYS} keystrokes were timed`);
    bench.record('editor.keystroke.1000', keystrokes, 'ms', KEYSTROKE_TARGET_P95, 'p95');

    // For comparison: the transaction alone, dispatched in a loop (no input event, no DOM read-back by ProseMirror).
    await dispatchInserts(a.page, WARMUP_KEYS);
    bench.record('editor.keystroke.1000.dispatch', await dispatchInserts(a.page, KEYS), 'ms');

    const b = await openEditorPage(browser, server.url, doc.id, { name: 'Bench B', ...open });
    await b.page.waitForSelector('[data-testid=connection-status][data-state=connected]', { timeout: 60_000 });
    await installProbes(b.page);
    // B looks at the same clause A is typing in, so B lays out and paints the change.
    await labelledAtLeast(b.page, doc.clauses);
    await caretToClauseEnd(b.page, middle);
    await caretToClauseEnd(a.page, middle);
    await watchRemote(b.page);
    await typeKeys(a.page, WARMUP_KEYS, KEY_GAP_MS);
    await new Promise((r) => setTimeout(r, 500));
    await takeRemote(b.page);
    await typeKeys(a.page, KEYS, KEY_GAP_MS);
    await new Promise((r) => setTimeout(r, 1000));
    const remote = await takeRemote(b.page);
    if (remote.length < KEYS * 0.9) throw new Error(`only ${remote.length}/${KEYS} remote keystrokes were timed`);
    bench.record('editor.remote.1000', remote, 'ms', REMOTE_TARGET_P95, 'p95');

    const uncaught = [...a.errors, ...b.errors].filter((e) => e.startsWith('pageerror'));
    if (uncaught.length > 0) console.log(`  page errors: ${uncaught.slice(0, 5).join(' | ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}
