import { Editor, type Extensions, type JSONContent } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ClauseIds } from '../src/ClauseIds.ts';
import { ClauseKeymap } from '../src/ClauseKeymap.ts';
import { templateExtensions } from '../src/templateExtensions.ts';

/** A clause block as tests compare it. */
export interface ClauseRow {
  id: string | null;
  level: number;
  text: string;
}

/** `[level, id, text]` → a clause node; text may be empty. */
export function clause(level: number, id: string | null, text = '', extra: Record<string, unknown> = {}): JSONContent {
  return {
    type: 'clause',
    attrs: { id, level, ...extra },
    content: text ? [{ type: 'text', text }] : [],
  };
}

export function doc(...content: JSONContent[]): JSONContent {
  return { type: 'doc', content };
}

/** A headless editor (happy-dom) with the template schema, the clause keymap and clause ids. */
export function makeEditor(content: JSONContent | null, extra: Extensions = []): Editor {
  return new Editor({
    extensions: [...templateExtensions, ClauseKeymap, ClauseIds, ...extra],
    ...(content ? { content } : {}),
  });
}

type KeyDown = Parameters<NonNullable<EditorView['props']['handleKeyDown']>>[1];
// The package compiles without DOM types; the happy-dom environment provides the constructor at run time.
const KeyboardEventCtor = (
  globalThis as unknown as { KeyboardEvent: new (type: string, init: Record<string, unknown>) => KeyDown }
).KeyboardEvent;

/** Presses a key through every keymap, as a real keydown would (dispatching real transactions). */
export function press(editor: Editor, key: string): boolean {
  const parts = key.split('-');
  const name = parts[parts.length - 1] ?? key;
  const event = new KeyboardEventCtor('keydown', {
    key: name,
    shiftKey: parts.includes('Shift'),
    ctrlKey: parts.includes('Ctrl') || parts.includes('Mod'),
    metaKey: false,
    altKey: parts.includes('Alt'),
    bubbles: true,
    cancelable: true,
  });
  return editor.view.someProp('handleKeyDown', (f) => f(editor.view, event)) ?? false;
}

/** Types text at the caret through the view's text input handling. */
export function typeText(editor: Editor, text: string): void {
  for (const ch of text) {
    const { from, to } = editor.state.selection;
    const handled = editor.view.someProp('handleTextInput', (f) => f(editor.view, from, to, ch, () => editor.state.tr));
    if (!handled) editor.view.dispatch(editor.state.tr.insertText(ch, from, to));
  }
}

/** Puts the caret in the `index`-th top-level block at character `offset` (negative counts from the end). */
export function caret(editor: Editor, index: number, offset = 0): void {
  const { doc: d } = editor.state;
  let pos = 0;
  for (let i = 0; i < index; i++) pos += d.child(i).nodeSize;
  const node = d.child(index);
  const at = offset < 0 ? node.content.size + 1 + offset : offset;
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(d, pos + 1 + at)));
}

/** Selects from the start of block `first` to the end of block `last`. */
export function selectBlocks(editor: Editor, first: number, last: number): void {
  const { doc: d } = editor.state;
  let pos = 0;
  let from = 0;
  let to = 0;
  for (let i = 0; i <= last; i++) {
    if (i === first) from = pos + 1;
    pos += d.child(i).nodeSize;
    if (i === last) to = pos - 1;
  }
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(d, from, to)));
}

export function rows(editor: Editor): ClauseRow[] {
  const out: ClauseRow[] = [];
  editor.state.doc.forEach((node) => {
    if (node.type.name === 'clause') {
      out.push({ id: node.attrs.id as string | null, level: node.attrs.level as number, text: node.textContent });
    }
  });
  return out;
}

/** Every clause id in the document, in order (nested ones included). */
export function clauseIds(editor: Editor): (string | null)[] {
  const out: (string | null)[] = [];
  editor.state.doc.descendants((node) => {
    if (node.type.name === 'clause') out.push(node.attrs.id as string | null);
  });
  return out;
}
