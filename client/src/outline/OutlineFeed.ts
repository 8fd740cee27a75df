import type { Editor } from '@tiptap/core';
import { deriveOutline } from './deriveOutline.ts';
import { publishOutline } from './outlineStore.ts';

/** How long typing must pause before the outline's text snippets catch up. */
const SNIPPET_DELAY_MS = 400;

/**
 * Feeds the outline store from an editor: at once (next frame) when labels change, lazily when only text changed,
 * so a keystroke never renders the outline.
 */
export class OutlineFeed {
  #editor: Editor | null = null;
  #labels: ReadonlyMap<string, { label: string }> = new Map();
  #frame = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #onUpdate = () => {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#publish(), SNIPPET_DELAY_MS);
  };

  /** Starts following `editor` (its `update` events) and publishes its outline. */
  attach(editor: Editor): void {
    this.detach();
    this.#editor = editor;
    editor.on('update', this.#onUpdate);
    this.#publish();
  }

  detach(): void {
    this.#editor?.off('update', this.#onUpdate);
    this.#editor = null;
    clearTimeout(this.#timer);
    cancelAnimationFrame(this.#frame);
  }

  /** New labels (by clause id): published on the next frame, outside the transaction that made them. */
  labelsChanged(labels: ReadonlyMap<string, { label: string }>): void {
    this.#labels = labels;
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#publish());
  }

  #publish(): void {
    clearTimeout(this.#timer);
    const editor = this.#editor;
    if (!editor || editor.isDestroyed) return;
    publishOutline(deriveOutline(editor.state.doc, this.#labels));
  }
}
