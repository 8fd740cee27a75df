// @vitest-environment happy-dom
import { templateExtensions } from '@clausewright/schema';
import { Editor, Extension, type JSONContent } from '@tiptap/core';
import { Plugin, TextSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import { DirectTextInput } from './DirectTextInput.ts';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
  document.body.replaceChildren();
});

const clause = (id: string, content: JSONContent[]): JSONContent => ({
  type: 'clause',
  attrs: { id, level: 1 },
  content,
});

function setup(extra: Extension[] = []): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  editor = new Editor({
    element,
    extensions: [...templateExtensions, DirectTextInput, ...extra],
    content: {
      type: 'doc',
      content: [
        clause('a', [
          { type: 'text', text: 'plain ' },
          { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
        ]),
        clause('b', [{ type: 'text', text: 'second' }]),
      ],
    },
  });
  return editor;
}

/** Fires a beforeinput the way Chromium does for a key press (cancelable); true when the page cancelled it. */
function beforeInput(e: Editor, data: string, init: Partial<InputEventInit> = {}): boolean {
  const event = new InputEvent('beforeinput', {
    inputType: 'insertText',
    data,
    bubbles: true,
    cancelable: true,
    ...init,
  });
  e.view.dom.dispatchEvent(event);
  return event.defaultPrevented;
}

function select(e: Editor, from: number, to = from): void {
  e.view.dispatch(e.state.tr.setSelection(TextSelection.create(e.state.doc, from, to)));
}

const textOf = (e: Editor, i: number) => e.state.doc.child(i).textContent;

/** Lets the task that applies typed text run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('DirectTextInput', () => {
  it('applies a typed character as a transaction and draws it, instead of letting the browser edit the DOM', async () => {
    const e = setup();
    select(e, 3); // "pl|ain"
    expect(beforeInput(e, 'X')).toBe(true);
    // Not inside the key event: in a task of its own right after it.
    expect(textOf(e, 0)).toBe('plain bold');
    await settle();
    expect(textOf(e, 0)).toBe('plXain bold');
    expect(e.state.selection.from).toBe(4);
    expect(e.view.dom.querySelector('p[data-id=a]')?.textContent).toBe('plXain bold');
  });

  it('takes the marks at the caret, and stored marks before them', async () => {
    const e = setup();
    select(e, 11); // after "bold"
    beforeInput(e, '!');
    await settle();
    const marksOf = (pos: number) =>
      e.state.doc
        .resolve(pos)
        .marks()
        .map((m) => m.type.name);
    expect(textOf(e, 0)).toBe('plain bold!');
    expect(e.state.doc.nodeAt(11)?.marks.map((m) => m.type.name)).toEqual(['bold']);
    select(e, 3);
    e.view.dispatch(e.state.tr.setStoredMarks([e.schema.mark('italic')]));
    beforeInput(e, 'i');
    await settle();
    expect(e.state.doc.nodeAt(3)?.text).toBe('i');
    expect(e.state.doc.nodeAt(3)?.marks.map((m) => m.type.name)).toEqual(['italic']);
    expect(marksOf(2)).toEqual([]);
  });

  it('replaces a selection inside one block', async () => {
    const e = setup();
    select(e, 1, 6); // "plain"
    expect(beforeInput(e, 'Z')).toBe(true);
    await settle();
    expect(textOf(e, 0)).toBe('Z bold');
  });

  it('lets handleTextInput props (input rules, typeaheads) see and take the text', async () => {
    const seen: string[] = [];
    const Taker = Extension.create({
      name: 'taker',
      addProseMirrorPlugins: () => [
        new Plugin({
          props: {
            handleTextInput: (_view, from, to, text) => {
              seen.push(`${from}-${to}:${text}`);
              return text === '#';
            },
          },
        }),
      ],
    });
    const e = setup([Taker]);
    select(e, 2);
    expect(beforeInput(e, '#')).toBe(true);
    await settle();
    expect(textOf(e, 0)).toBe('plain bold');
    beforeInput(e, 'q');
    await settle();
    expect(textOf(e, 0)).toBe('pqlain bold');
    expect(seen).toEqual(['2-2:#', '2-2:q']);
  });

  it('applies pending text before the next key, a composition or a click is handled, keeping the order of input', () => {
    const e = setup();
    select(e, 3);
    beforeInput(e, 'a');
    beforeInput(e, 'b');
    expect(textOf(e, 0)).toBe('plain bold');
    e.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    expect(textOf(e, 0)).toBe('plabain bold');
    expect(e.state.selection.from).toBe(5);
    beforeInput(e, 'c');
    e.view.dom.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
    expect(textOf(e, 0)).toBe('plabcain bold');
    e.view.dom.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '' }));
    select(e, 1);
    beforeInput(e, 'd');
    e.view.dom.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    expect(textOf(e, 0)).toBe('dplabcain bold');
  });

  it('drops pending text when the editor is destroyed before its task runs', async () => {
    const e = setup();
    select(e, 3);
    beforeInput(e, 'x');
    e.destroy();
    await settle();
    expect(e.isDestroyed).toBe(true);
  });

  it('leaves compositions, line breaks, other input types and cross-block selections to the browser', () => {
    const e = setup();
    select(e, 3);
    expect(beforeInput(e, '中', { isComposing: true })).toBe(false);
    e.view.dom.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
    expect(e.view.composing).toBe(true);
    expect(beforeInput(e, 'x')).toBe(false);
    e.view.dom.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '中' }));
    expect(beforeInput(e, 'a\nb')).toBe(false);
    expect(beforeInput(e, 'x', { inputType: 'insertCompositionText' })).toBe(false);
    expect(beforeInput(e, 'x', { inputType: 'insertReplacementText' })).toBe(false);
    select(e, 3, 16); // from the first clause into the second
    expect(beforeInput(e, 'x')).toBe(false);
    expect(textOf(e, 0)).toBe('plain bold');
    expect(textOf(e, 1)).toBe('second');
  });
});
