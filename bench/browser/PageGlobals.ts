// bench/ compiles without DOM types (it shares the Node tsconfig), so the in-page code declares the little it touches.

interface PmNode {
  type: { name: string };
  attrs: Record<string, unknown>;
  nodeSize: number;
}

/** The parts of the TipTap editor on the page that the probes use. */
export interface PageEditor {
  state: {
    doc: { descendants(f: (node: PmNode, pos: number) => boolean | undefined): void };
    tr: { insertText(text: string): unknown };
  };
  view: { dispatch(tr: unknown): void; dom: { offsetHeight: number }; focus(): void };
  commands: { setTextSelection(pos: number): boolean };
  on(event: 'transaction', f: (props: { transaction: { docChanged: boolean } }) => void): void;
}

interface YTransaction {
  origin: unknown;
  changed: { size: number };
  deleteSet: { clients: { size: number } };
}

interface PageSocket {
  onmessage: ((event: unknown) => void) | null;
}

/** `window.__clausewright` (DOM contract) as the probes see it. */
export interface PageClausewright {
  editor: PageEditor;
  ydoc: { on(event: 'afterTransaction', f: (tr: YTransaction) => void): void };
  provider: { ws: PageSocket | null; wsconnected: boolean; synced: boolean };
}

/** What `installProbes` puts on the page. */
export interface BenchProbes {
  /** Places the caret at the end of the clause with this id and focuses the editor. */
  caretToClauseEnd(id: string): void;
  /** Id of the clause at this index in document order. */
  clauseIdAt(index: number): string;
  clauseCount(): number;
  /** keydown (capture phase) → the keystroke's transaction applied, its microtasks run and layout done, in ms. */
  keystrokes: number[];
  /**
   * Times `editor.view.dispatch(insertText)` at the caret + the microtasks it queued + layout, `count` times with
   * `gapMs` of idle page between (frames render, as between keystrokes), and returns the samples.
   */
  dispatchInserts(count: number, gapMs: number): Promise<number[]>;
  /** Websocket message in → remote Yjs update applied to the editor + layout, in ms (doc-changing messages only). */
  remote: number[];
  /** Wraps the provider's current websocket so every message is timed. */
  watchRemote(): void;
}

/** `globalThis` on the editor page. */
export interface PageWindow {
  __clausewright?: PageClausewright;
  __cwBench?: BenchProbes;
  addEventListener(type: 'keydown', f: () => void, options: { capture: boolean }): void;
  queueMicrotask(f: () => void): void;
  setTimeout(f: (value?: unknown) => void, ms: number): unknown;
  document: { querySelectorAll(selector: string): { length: number } };
  performance: { now(): number };
}
