import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { directTextInputBlockSize, holdTypedBlock } from './DirectTextInputBlockSize.ts';
import { caretInView } from './DirectTextInputCaret.ts';

/** The key of the {@link DirectTextInput} plugin. */
export const directTextInputKey = new PluginKey('directTextInput');

/**
 * Typed characters go straight into the document: a plain `insertText` input (a key press, not an IME
 * composition) is cancelled in `beforeinput` and applied as ProseMirror's own text insertion, which then draws the
 * changed text node. Left to the browser, contenteditable first edits the DOM itself (with a style and layout pass
 * over the document) and ProseMirror then reads the change back from the DOM; at 1,000 clauses that is several
 * milliseconds of each keystroke.
 *
 * The insertion runs in a task of its own right after the key event rather than inside it: Chromium syncs every
 * selection change made while it handles an input event with the input method (the text around the caret, counted
 * from the start of the editable, so it grows with the document), and ProseMirror moves the DOM caret after
 * redrawing the text. Anything that reads or changes the document through the view (another key, a composition, a
 * click, a paste, a blur) first applies the pending text, so the order of input is kept.
 *
 * The block typed in keeps its size while its content fits it (see {@link directTextInputBlockSize}), so a
 * keystroke's layout stays inside that block.
 *
 * Marks follow ProseMirror's rules (stored marks, else the marks at the caret), `handleTextInput` props (input
 * rules, typeaheads) see the text as they would on the DOM path, and the caret is scrolled into view when it is
 * out of view. Compositions, line breaks, selections across blocks and every other input type keep the
 * browser's path.
 */
export const DirectTextInput = Extension.create({
  name: 'directTextInput',

  addProseMirrorPlugins() {
    const typed = new TypedText();
    const flush = (view: EditorView) => {
      typed.apply(view);
      return false;
    };
    return [
      new Plugin({
        key: directTextInputKey,
        props: {
          handleDOMEvents: {
            beforeinput: (view, event) => typed.take(view, event as InputEvent) || flush(view),
            keydown: flush,
            compositionstart: flush,
            mousedown: flush,
            paste: flush,
            cut: flush,
            copy: flush,
            drop: flush,
            dragstart: flush,
            focus: flush,
            blur: flush,
          },
        },
      }),
      directTextInputBlockSize(),
    ];
  },
});

/** Typed text waiting for its task; one editor's. */
class TypedText {
  #pending: string[] = [];
  #view: EditorView | null = null;

  /** Cancels a plain typed-text input and queues its text; false for every input the browser should handle. */
  take(view: EditorView, event: InputEvent): boolean {
    const text = event.data;
    if (event.inputType !== 'insertText' || !text || /[\r\n]/.test(text)) return false;
    if (event.isComposing || view.composing || !view.editable) return false;
    const { selection } = view.state;
    // A node selection or a range over several blocks: the browser's path (and ProseMirror's keypress) handle those.
    if (!(selection instanceof TextSelection) || !selection.$from.sameParent(selection.$to)) return false;
    event.preventDefault();
    if (this.#view && this.#view !== view) this.apply(this.#view);
    this.#view = view;
    this.#pending.push(text);
    if (this.#pending.length === 1) afterThisEvent(() => this.apply(view));
    return true;
  }

  /** Inserts the queued text at the caret, one input at a time (each one through `handleTextInput`). */
  apply(view: EditorView): void {
    if (this.#view !== view || this.#pending.length === 0) return;
    const texts = this.#pending;
    this.#pending = [];
    this.#view = null;
    if (view.isDestroyed || !view.editable) return;
    for (const text of texts) insertTyped(view, text);
  }
}

function insertTyped(view: EditorView, text: string): void {
  const { selection } = view.state;
  if (!(selection instanceof TextSelection) || !selection.$from.sameParent(selection.$to)) return;
  const { from, to } = selection;
  const insert = () => holdTypedBlock(view, view.state.tr).insertText(text, from, to);
  if (!view.someProp('handleTextInput', (f) => f(view, from, to, text, insert))) view.dispatch(insert());
  // Checked once the text is drawn (its layout stays inside the held block, so it is cheap); scrolls only if needed.
  if (!view.isDestroyed && !caretInView(view)) view.dispatch(view.state.tr.scrollIntoView());
}

interface TaskScheduler {
  postTask(task: () => void, options: { priority: 'user-blocking' }): Promise<unknown>;
}

/** Runs `f` in a task after the current one (ahead of ordinary tasks where the browser has `scheduler.postTask`). */
function afterThisEvent(f: () => void): void {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (typeof scheduler?.postTask === 'function') void scheduler.postTask(f, { priority: 'user-blocking' });
  else setTimeout(f, 0);
}
