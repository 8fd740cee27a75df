import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/** The key of the {@link DirectTextInput} plugin. */
export const directTextInputKey = new PluginKey('directTextInput');

/**
 * Typed characters go straight into the document: a plain `insertText` input (a key press, not an IME
 * composition) is cancelled in `beforeinput` and applied as ProseMirror's own text insertion, which then draws the
 * changed text node. Left to the browser, contenteditable first edits the DOM itself (with a style and layout pass
 * over the document) and ProseMirror then reads the change back from the DOM; at 1,000 clauses that is several
 * milliseconds of each keystroke. Marks follow ProseMirror's rules (stored marks, else the marks at the caret),
 * `handleTextInput` props (input rules, typeaheads) see the text as they would on the DOM path, and the caret is
 * scrolled into view as before. Compositions, line breaks, selections across blocks and every other input type
 * keep the browser's path.
 */
export const DirectTextInput = Extension.create({
  name: 'directTextInput',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: directTextInputKey,
        props: {
          handleDOMEvents: {
            beforeinput: (view, event) => insertDirectly(view, event as InputEvent),
          },
        },
      }),
    ];
  },
});

function insertDirectly(view: EditorView, event: InputEvent): boolean {
  const text = event.data;
  if (event.inputType !== 'insertText' || !text || /[\r\n]/.test(text)) return false;
  if (event.isComposing || view.composing || !view.editable) return false;
  const { selection } = view.state;
  // A node selection or a range over several blocks: the browser's path (and ProseMirror's keypress) handle those.
  if (!(selection instanceof TextSelection) || !selection.$from.sameParent(selection.$to)) return false;
  const { from, to } = selection;
  event.preventDefault();
  const insert = () => view.state.tr.insertText(text, from, to);
  if (!view.someProp('handleTextInput', (f) => f(view, from, to, text, insert))) {
    view.dispatch(insert().scrollIntoView());
  }
  return true;
}
