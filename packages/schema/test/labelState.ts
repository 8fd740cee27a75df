import type { NumberingScheme } from '@clausewright/model';
import type { JSONContent } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
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
  return rowsOf(labelsOf(state).decorations);
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
