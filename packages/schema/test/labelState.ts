import type { NumberingScheme } from '@clausewright/model';
import type { JSONContent } from '@tiptap/core';
import { Fragment, type Node, Slice } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { type Decoration, DecorationSet } from '@tiptap/pm/view';
import { type ClauseLabelsState, clauseLabelsKey, clauseLabelsPlugin } from '../src/ClauseLabels.ts';
import { blockDecorations } from '../src/clauseDecorations.ts';
import { templateSchema } from '../src/templateSchema.ts';

/** A plain EditorState (no view, no DOM) with the ClauseLabels plugin. */
export function labelState(content: JSONContent, scheme: { current: NumberingScheme } = { current: 'zh-article' }) {
  return EditorState.create({
    doc: templateSchema.nodeFromJSON(content),
    plugins: [clauseLabelsPlugin({ getScheme: () => scheme.current })],
  });
}

export function labelsOf(state: EditorState): ClauseLabelsState {
  const value = clauseLabelsKey.getState(state);
  if (!value) throw new Error('no ClauseLabels state');
  return value;
}

/** Every decoration as comparable data, in document order. */
export function decorationRows(state: EditorState): string[] {
  return rowsOf(labelsOf(state).decorations.toSet());
}

/** The decorations ProseMirror's own `DecorationSet.create` builds for the state's document and labels. */
export function referenceRows(state: EditorState): string[] {
  const out: Decoration[] = [];
  state.doc.forEach((node, pos) => {
    blockDecorations(node, pos, labelsOf(state).labels, out);
  });
  return rowsOf(DecorationSet.create(state.doc, out));
}

function rowsOf(set: DecorationSet): string[] {
  return set
    .find()
    .map((d: Decoration) => {
      const attrs = (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
      return `${d.from}-${d.to} ${JSON.stringify(attrs)}`;
    })
    .sort();
}

/** Clause id → label, as plain data. */
export function labelTable(state: EditorState): Record<string, string> {
  return Object.fromEntries([...labelsOf(state).labels].map(([id, n]) => [id, `${n.label}|${n.refLabel}`]));
}

/**
 * A transaction shaped like y-prosemirror's for a remote keystroke: one step replacing the whole document, reusing
 * every block but `index`, which gets `text` appended.
 */
export function remoteAppend(state: EditorState, index: number, text: string): Transaction {
  const children: Node[] = [];
  state.doc.forEach((n) => {
    children.push(n);
  });
  const node = state.doc.child(index);
  children[index] = node.type.create(node.attrs, node.content.append(Fragment.from(state.schema.text(text))));
  return state.tr.replace(0, state.doc.content.size, new Slice(Fragment.from(children), 0, 0));
}
