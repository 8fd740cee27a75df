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

// Browser benchmarks on the production client build, served by the real server, in headless Chromium, on a
// 1,000-clause document (levels 1–3, two field chips and a reference in every clause). All timing is done inside
// the page with performance.now(), so no CDP round trip is in any figure.
//
//  editor.keystroke.1000           a real key press, end to end in the page: keydown (capture, the first moment
//                                  script sees it) → the browser's contenteditable insertion → ProseMirror reads the
//                                  change → the transaction (labels, Yjs, carets, plugin views) → the microtasks it
//                                  queued → a forced layout. Keys 25 ms apart, so frames render between them. This is
//                                  what a keystroke costs the page; target p95 ≤ 4 ms.
//  editor.keystroke.1000.dispatch  editor.view.dispatch(insertText) at the caret + microtasks + layout, for comparison
//                                  (it also writes the DOM selection, which real typing leaves to the browser).
//  editor.remote.1000              page B: websocket message in → page A's keystroke applied to B's editor + layout.
//                                  Target p95 ≤ 16 ms.
//  editor.open.1000                navigation start → every clause labelled (fresh context, so all from the server).
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
  page.evaluate(([n, gap]) => (globalThis as unknown as PageWindow).__cwBench?.dispatchInserts(n, gap) ?? [], [
    count,
    KEY_GAP_MS,
  ] as const);
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

function enough(samples: number[], what: string, share = 0.95): number[] {
  if (samples.length < KEYS * share) throw new Error(`only ${samples.length}/${KEYS} ${what} were timed`);
  return samples;
}

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

    // Page A alone first, so a second page's work does not share the two cores.
    await typeKeys(a.page, WARMUP_KEYS, KEY_GAP_MS);
    await takeKeystrokes(a.page);
    await typeKeys(a.page, KEYS, KEY_GAP_MS);
    const keystrokes = enough(await takeKeystrokes(a.page), 'key presses');
    bench.record('editor.keystroke.1000', keystrokes, 'ms', KEYSTROKE_TARGET_P95, 'p95');

    await dispatchInserts(a.page, WARMUP_KEYS);
    bench.record('editor.keystroke.1000.dispatch', enough(await dispatchInserts(a.page, KEYS), 'transactions'), 'ms');

    const b = await openEditorPage(browser, server.url, doc.id, { name: 'Bench B', ...open });
    await b.page.waitForSelector('[data-testid=connection-status][data-state=connected]', { timeout: 60_000 });
    await labelledAtLeast(b.page, doc.clauses);
    await installProbes(b.page);
    // B looks at the clause A is typing in, so B lays out and paints the change.
    await caretToClauseEnd(b.page, middle);
    await caretToClauseEnd(a.page, middle);
    await watchRemote(b.page);
    await typeKeys(a.page, WARMUP_KEYS, KEY_GAP_MS);
    await new Promise((r) => setTimeout(r, 500));
    await takeRemote(b.page);
    await typeKeys(a.page, KEYS, KEY_GAP_MS);
    await new Promise((r) => setTimeout(r, 1000));
    // A few keystrokes may share one websocket message when the server coalesces a turn's updates.
    const remote = enough(await takeRemote(b.page), 'remote keystrokes', 0.8);
    bench.record('editor.remote.1000', remote, 'ms', REMOTE_TARGET_P95, 'p95');

    const uncaught = [...a.errors, ...b.errors].filter((e) => e.startsWith('pageerror'));
    if (uncaught.length > 0) console.log(`  page errors: ${uncaught.slice(0, 5).join(' | ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}
