import type { Editor } from '@tiptap/core';

/** What the editor page exposes for tests and benchmarks (`window.__clausewright`, see the DOM contract). */
export interface ClausewrightGlobals {
  editor: Editor;
  ydoc: unknown;
  provider: unknown;
}

/** `window` on the editor page. */
export type ClausewrightWindow = Window & { __clausewright?: ClausewrightGlobals };
