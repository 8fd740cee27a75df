// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collabEditor, Link, seededDoc } from '../test/collab.ts';
import { clause, clauseIds, doc, makeEditor, rows } from '../test/editing.ts';
import { dedupeClauseIds } from './dedupeClauseIds.ts';

const editors: Editor[] = [];
afterEach(() => {
  for (const e of editors.splice(0)) e.destroy();
});

function track(editor: Editor): Editor {
  editors.push(editor);
  return editor;
}

function unique(ids: (string | null)[]): boolean {
  return ids.every((id) => typeof id === 'string' && id !== '') && new Set(ids).size === ids.length;
}

/** The position range of top-level block `index`. */
function blockRange(editor: Editor, index: number): [number, number] {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += editor.state.doc.child(i).nodeSize;
  return [pos, pos + editor.state.doc.child(index).nodeSize];
}

/** Cuts top-level block `index` (one transaction) and returns its slice, as a clipboard would hold it. */
function cut(editor: Editor, index: number) {
  const [from, to] = blockRange(editor, index);
  const slice = editor.state.doc.slice(from, to);
  editor.view.dispatch(editor.state.tr.delete(from, to));
  return slice;
}

function pasteAt(editor: Editor, pos: number, slice: ReturnType<Editor['state']['doc']['slice']>): void {
  const tr = editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos));
  editor.view.dispatch(tr.replaceSelection(slice).setMeta('uiEvent', 'paste'));
}

const seed = doc(clause(1, 'a', 'Alpha'), clause(2, 'b', 'Beta'), clause(1, 'c', 'Gamma'));

describe('ClauseIds', () => {
  it('renames a pasted copy of a clause; the original keeps its id', () => {
    const editor = track(makeEditor(seed));
    const [from, to] = blockRange(editor, 1);
    pasteAt(editor, editor.state.doc.content.size - 1, editor.state.doc.slice(from, to));
    const after = rows(editor);
    expect(after.map((r) => r.text)).toEqual(['Alpha', 'Beta', 'Gamma', 'Beta']);
    expect(after[1]?.id).toBe('b');
    expect(after[3]?.id).not.toBe('b');
    expect(unique(clauseIds(editor))).toBe(true);
  });

  it('renames a copy pasted before the original, too (the original is the clause that had the id)', () => {
    const editor = track(makeEditor(seed));
    editor.view.pasteHTML('<p data-type="clause" data-id="c" data-level="1">Gamma copy</p>');
    const after = rows(editor);
    const original = after.find((r) => r.text === 'Gamma');
    const copy = after.find((r) => r.text.includes('copy'));
    expect(original?.id).toBe('c');
    expect(copy?.id).not.toBe('c');
    expect(unique(clauseIds(editor))).toBe(true);
  });

  it('keeps the id of a clause that is cut and pasted elsewhere (a move)', () => {
    const editor = track(makeEditor(seed));
    const slice = cut(editor, 0);
    pasteAt(editor, editor.state.doc.content.size - 1, slice);
    expect(rows(editor).map((r) => [r.id, r.text])).toEqual([
      ['b', 'Beta'],
      ['c', 'Gamma'],
      ['a', 'Alpha'],
    ]);
  });

  it('gives a clause inserted without an id a fresh one', () => {
    const editor = track(makeEditor(seed));
    editor.commands.insertContentAt(editor.state.doc.content.size, clause(1, null, 'New'));
    expect(unique(clauseIds(editor))).toBe(true);
    expect(
      rows(editor)
        .map((r) => r.id)
        .slice(0, 3),
    ).toEqual(['a', 'b', 'c']);
  });

  it('two users pasting a copy of the same clause at once end with identical docs and unique ids', () => {
    const [x, y] = [seededDoc(seed), new Y.Doc()];
    const link = new Link(x, y);
    const [one, two] = [track(collabEditor(x)), track(collabEditor(y))];
    link.online = false;
    for (const editor of [one, two]) {
      const [from, to] = blockRange(editor, 1);
      pasteAt(editor, editor.state.doc.content.size - 1, editor.state.doc.slice(from, to));
    }
    link.flush();
    expect(x.getXmlFragment('body').toJSON()).toBe(y.getXmlFragment('body').toJSON());
    expect(one.getJSON()).toEqual(two.getJSON());
    expect(rows(one).map((r) => r.text)).toEqual(['Alpha', 'Beta', 'Gamma', 'Beta', 'Beta']);
    expect(unique(clauseIds(one))).toBe(true);
    expect(rows(one)[1]?.id).toBe('b');
  });

  it('leaves remote (y-prosemirror) transactions alone and lets the Yjs side rename them deterministically', () => {
    const [x, y] = [seededDoc(seed), new Y.Doc()];
    const link = new Link(x, y);
    const [one, two] = [track(collabEditor(x)), track(collabEditor(y))];
    link.online = false;
    // Both users move clause `a` at the same time, to different places: each paste keeps `a` locally.
    const sliceOne = cut(one, 0);
    pasteAt(one, one.state.doc.content.size - 1, sliceOne);
    const sliceTwo = cut(two, 0);
    pasteAt(two, blockRange(two, 0)[1] + 1, sliceTwo);
    expect(clauseIds(one).filter((id) => id === 'a')).toHaveLength(1);
    expect(clauseIds(two).filter((id) => id === 'a')).toHaveLength(1);
    link.flush();
    expect(x.getXmlFragment('body').toJSON()).toBe(y.getXmlFragment('body').toJSON());
    expect(one.getJSON()).toEqual(two.getJSON());
    expect(unique(clauseIds(one))).toBe(true);
    expect(clauseIds(one).filter((id) => id === 'a')).toHaveLength(1);
  });
});

describe('dedupeClauseIds', () => {
  function fragmentWith(doc: Y.Doc, ids: (string | null)[]): Y.XmlFragment {
    const fragment = doc.getXmlFragment('body');
    doc.transact(() => {
      fragment.insert(
        0,
        ids.map((id) => {
          const element = new Y.XmlElement('clause');
          if (id !== null) element.setAttribute('id', id);
          element.setAttribute('level', '1');
          return element;
        }),
      );
    });
    return fragment;
  }

  const ids = (fragment: Y.XmlFragment) =>
    fragment.toArray().map((el) => (el instanceof Y.XmlElement ? el.getAttribute('id') : null));

  it('renames every copy but the earliest item and fills missing ids, identically on every replica', () => {
    const origin = new Y.Doc();
    origin.clientID = 7;
    fragmentWith(origin, ['a', 'b', 'a', null, 'b', 'a']);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(origin));
    const first = origin.getXmlFragment('body');
    const second = copy.getXmlFragment('body');
    expect(dedupeClauseIds(first)).toBe(4);
    expect(dedupeClauseIds(second)).toBe(4);
    expect(ids(first)).toEqual(ids(second));
    expect(ids(first)[0]).toBe('a');
    expect(ids(first)[1]).toBe('b');
    expect(new Set(ids(first)).size).toBe(6);
    expect(dedupeClauseIds(first)).toBe(0);
  });

  it('lets the clause with the smallest item id keep the id, wherever it sits', () => {
    const low = new Y.Doc();
    low.clientID = 1;
    const high = new Y.Doc();
    high.clientID = 2;
    fragmentWith(high, ['x']);
    Y.applyUpdate(low, Y.encodeStateAsUpdate(high));
    const fragment = low.getXmlFragment('body');
    const element = new Y.XmlElement('clause');
    element.setAttribute('id', 'x');
    fragment.insert(1, [element]);
    dedupeClauseIds(fragment);
    // Client 1's clause sits second but its item id is smaller: it keeps `x`.
    expect(ids(fragment)).toEqual(['y2_0', 'x']);
  });
});
