import type { Editor } from '@tiptap/core';
import { deriveOutline, type FieldLabelLookup } from './deriveOutline.ts';
import { publishOutline, setCurrentClause } from './outlineStore.ts';

/** How long typing must pause before the outline's text snippets catch up. */
const SNIPPET_DELAY_MS = 400;

/**
 * Feeds the outline store from an editor: at once (next frame) when labels change, lazily when only text changed,
 * so a keystroke never renders the outline.
 */
export class OutlineFeed {
  readonly #fieldLabel: FieldLabelLookup;
  #editor: Editor | null = null;
  #labels: ReadonlyMap<string, { label: string }> = new Map();
  #frame = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  // Runs on every caret move (each keystroke): O(1), and the store ignores a repeat.
  constructor(fieldLabel: FieldLabelLookup = () => undefined) {
    this.#fieldLabel = fieldLabel;
  }

  readonly #onSelection = () => {
    const editor = this.#editor;
    if (!editor) return;
    const { $from } = editor.state.selection;
    const block = $from.depth >= 1 ? $from.node(1) : null;
    setCurrentClause(block?.type.name === 'clause' && typeof block.attrs.id === 'string' ? block.attrs.id : null);
  };

  readonly #onUpdate = () => {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#publish(), SNIPPET_DELAY_MS);
  };

  /** Starts following `editor` (its `update` events) and publishes its outline. */
  attach(editor: Editor): void {
    this.detach();
    this.#editor = editor;
    editor.on('update', this.#onUpdate);
    editor.on('selectionUpdate', this.#onSelection);
    this.#publish();
  }

  detach(): void {
    this.#editor?.off('update', this.#onUpdate);
    this.#editor?.off('selectionUpdate', this.#onSelection);
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
    publishOutline(deriveOutline(editor.state.doc, this.#labels, this.#fieldLabel));
  }
}
