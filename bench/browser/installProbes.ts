import type { Page } from 'playwright-core';
import type { BenchProbes, PageWindow } from './PageGlobals.ts';

/**
 * Puts `window.__cwBench` on an editor page: timing probes that run inside the page, so the figures are the
 * renderer's own work with no CDP round trip in them.
 */
export async function installProbes(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean((globalThis as unknown as PageWindow).__clausewright?.editor));
  // tsx (esbuild keepNames) wraps the named functions below in `__name(fn, "name")`; the page has no such helper.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  await page.evaluate(() => {
    const w = globalThis as unknown as PageWindow;
    const cw = w.__clausewright;
    if (!cw) throw new Error('window.__clausewright is not set');
    const { editor, ydoc, provider } = cw;
    const now = () => w.performance.now();
    // Reading offsetHeight makes the browser finish style and layout for the changed DOM now, inside the timing.
    const layout = () => editor.view.dom.offsetHeight;

    const clauses = () => {
      const found: { id: string; end: number }[] = [];
      editor.state.doc.descendants((node, pos) => {
        if (node.type.name === 'clause') found.push({ id: String(node.attrs.id), end: pos + node.nodeSize - 1 });
        return node.type.name !== 'clause';
      });
      return found;
    };

    let keydownAt = -1;
    w.addEventListener('keydown', () => (keydownAt = now()), { capture: true });
    editor.on('transaction', ({ transaction }) => {
      if (keydownAt < 0 || !transaction.docChanged) return;
      const start = keydownAt;
      keydownAt = -1;
      // Queued after the handlers that run synchronously with the transaction, so their work counts too.
      w.queueMicrotask(() => {
        layout();
        probes.keystrokes.push(now() - start);
      });
    });

    let inMessage = false;
    let docChanged = false;
    ydoc.on('afterTransaction', (tr) => {
      if (inMessage && (tr.changed.size > 0 || tr.deleteSet.clients.size > 0)) docChanged = true;
    });

    const probes: BenchProbes = {
      caretToClauseEnd(id) {
        const clause = clauses().find((c) => c.id === id);
        if (!clause) throw new Error(`no clause ${id}`);
        editor.commands.setTextSelection(clause.end);
        editor.view.focus();
      },
      clauseIdAt(index) {
        const clause = clauses()[index];
        if (!clause) throw new Error(`no clause at index ${index}`);
        return clause.id;
      },
      clauseCount: () => clauses().length,
      keystrokes: [],
      async dispatchInserts(count, gapMs) {
        const samples: number[] = [];
        for (let i = 0; i < count; i++) {
          const start = now();
          editor.view.dispatch(editor.state.tr.insertText(String.fromCharCode(97 + (i % 26))));
          // Microtasks queued while dispatching (e.g. React's) run before this one, so their work counts too.
          await new Promise<void>((resolve) => w.queueMicrotask(resolve));
          layout();
          samples.push(now() - start);
          await new Promise((resolve) => w.setTimeout(resolve, gapMs));
        }
        return samples;
      },
      remote: [],
      watchRemote() {
        const ws = provider.ws;
        const handle = ws?.onmessage;
        if (!ws || !handle) throw new Error('the provider has no open websocket');
        ws.onmessage = (event) => {
          const start = now();
          inMessage = true;
          docChanged = false;
          try {
            handle.call(ws, event);
          } finally {
            inMessage = false;
          }
          if (!docChanged) return; // awareness (carets) and sync chatter: not a remote edit
          w.queueMicrotask(() => {
            layout();
            probes.remote.push(now() - start);
          });
        };
      },
    };
    w.__cwBench = probes;
  });
}
