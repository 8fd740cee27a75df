import type { Page } from 'playwright-core';

/** What `installFillProbes` puts on the fill page as `window.__cwFillBench`. */
export interface FillProbes {
  /** keydown (capture) → the preview's DOM changed (MutationObserver) and laid out, in ms, one per keystroke. */
  samples: number[];
  /** Key presses after which the preview did not change before the next key. */
  missed: number;
}

/**
 * Puts timing probes on a fill page (`/t/<id>/fill`): each key press is timed inside the page, from its keydown
 * (capture phase, the first moment script sees it) until the preview's DOM has changed and been laid out, so the
 * figure is the page's own work (React state, resolveTemplate, renderHtml, the DOM swap, style and layout) without
 * any CDP round trip in it.
 */
export async function installFillProbes(page: Page): Promise<void> {
  // A string script: bench/ compiles without DOM types.
  await page.evaluate(`(() => {
    const doc = document.querySelector('[data-testid=fill-preview-doc]');
    if (!doc) throw new Error('no preview on this page');
    const paper = doc.parentElement;
    const probes = { samples: [], missed: 0 };
    let keydownAt = -1;
    addEventListener('keydown', () => {
      if (keydownAt >= 0) probes.missed++;
      keydownAt = performance.now();
    }, { capture: true });
    // Mutation records are delivered in a microtask right after the DOM changes, in the same task as the render.
    new MutationObserver(() => {
      if (keydownAt < 0) return;
      const start = keydownAt;
      keydownAt = -1;
      // Reading offsetHeight makes the browser finish style and layout of the new text now, inside the timing.
      void paper.offsetHeight;
      probes.samples.push(performance.now() - start);
    }).observe(doc, { childList: true, subtree: true, characterData: true });
    globalThis.__cwFillBench = probes;
  })()`);
}

/** The probes' samples so far (emptied) and how many key presses changed nothing. */
export async function takeFillSamples(page: Page): Promise<FillProbes> {
  return (await page.evaluate(`(() => {
    const p = globalThis.__cwFillBench;
    const out = { samples: p.samples.splice(0), missed: p.missed };
    p.missed = 0;
    return out;
  })()`)) as FillProbes;
}
