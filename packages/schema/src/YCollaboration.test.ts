// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { collabEditor, Link, seededDoc } from '../test/collab.ts';
import { caret, clause, clauseIds, doc, press, rows, typeText } from '../test/editing.ts';
import { yFragmentToJSON } from './yFragmentToJSON.ts';

const editors: Editor[] = [];
afterEach(() => {
  for (const e of editors.splice(0)) e.destroy();
});

function open(ydoc: Y.Doc): Editor {
  const editor = collabEditor(ydoc);
  editors.push(editor);
  return editor;
}

function unique(ids: (string | null)[]): boolean {
  return ids.every((id) => typeof id === 'string' && id !== '') && new Set(ids).size === ids.length;
}

const seed = doc(clause(1, 'a', 'Alpha'), clause(2, 'b', 'Beta'), clause(1, 'c', 'Gamma'));

describe('YCollaboration', () => {
  it('shows the fragment and writes edits back to it', () => {
    const ydoc = seededDoc(seed);
    const editor = open(ydoc);
    expect(rows(editor).map((r) => r.text)).toEqual(['Alpha', 'Beta', 'Gamma']);
    caret(editor, 1, -1);
    typeText(editor, '!');
    expect(ydoc.getXmlFragment('body').toString()).toContain('Beta!');
  });

  it('two editors on two synced docs see each other’s typing and Tab', () => {
    const [x, y] = [seededDoc(seed), new Y.Doc()];
    new Link(x, y);
    const [one, two] = [open(x), open(y)];
    caret(one, 1, -1);
    typeText(one, ' typed');
    caret(two, 2, 0);
    press(two, 'Tab');
    expect(rows(two).map((r) => r.text)).toEqual(['Alpha', 'Beta typed', 'Gamma']);
    expect(rows(one).map((r) => r.level)).toEqual([1, 2, 2]);
  });

  it('undo and redo cover only this user’s changes (Mod-z, Mod-Shift-z, Mod-y)', () => {
    const [x, y] = [seededDoc(seed), new Y.Doc()];
    new Link(x, y);
    const [one, two] = [open(x), open(y)];
    caret(one, 0, -1);
    typeText(one, ' mine');
    caret(two, 2, -1);
    typeText(two, ' theirs');
    expect(press(one, 'Mod-z')).toBe(true);
    expect(rows(one).map((r) => r.text)).toEqual(['Alpha', 'Beta', 'Gamma theirs']);
    expect(rows(two).map((r) => r.text)).toEqual(['Alpha', 'Beta', 'Gamma theirs']);
    press(one, 'Mod-Shift-z');
    expect(rows(two).map((r) => r.text)).toEqual(['Alpha mine', 'Beta', 'Gamma theirs']);
    press(one, 'Mod-z');
    press(one, 'Mod-y');
    expect(rows(one).map((r) => r.text)).toEqual(['Alpha mine', 'Beta', 'Gamma theirs']);
    expect(one.can().undo()).toBe(true);
  });

  it('undo and redo of a split never duplicate or drop clause ids', () => {
    const ydoc = seededDoc(seed);
    const editor = open(ydoc);
    caret(editor, 0, 2);
    press(editor, 'Enter');
    const split = clauseIds(editor);
    expect(split).toHaveLength(4);
    expect(unique(split)).toBe(true);
    editor.commands.undo();
    expect(clauseIds(editor)).toEqual(['a', 'b', 'c']);
    expect(rows(editor)[0]?.text).toBe('Alpha');
    editor.commands.redo();
    expect(clauseIds(editor)).toEqual(split);
    expect(unique(clauseIds(editor))).toBe(true);
  });

  it('keeps undo working after a plugin is registered later (the plugin views are recreated)', () => {
    const ydoc = seededDoc(seed);
    const editor = open(ydoc);
    caret(editor, 0, -1);
    typeText(editor, '1');
    editor.registerPlugin(new Plugin({}));
    typeText(editor, '2');
    editor.commands.undo();
    expect(rows(editor)[0]?.text).toBe('Alpha');
  });

  it('two users splitting the same clause at once end with identical docs and unique ids', () => {
    const [x, y] = [seededDoc(seed), new Y.Doc()];
    const link = new Link(x, y);
    const [one, two] = [open(x), open(y)];
    link.online = false;
    caret(one, 0, 2);
    press(one, 'Enter');
    caret(two, 0, 3);
    press(two, 'Enter');
    link.flush();
    expect(x.getXmlFragment('body').toJSON()).toBe(y.getXmlFragment('body').toJSON());
    expect(unique(clauseIds(one))).toBe(true);
    expect(clauseIds(one)).toEqual(clauseIds(two));
    // Editors build their own schema, so compare documents as JSON. (Concurrent splits of one clause duplicate the
    // text between the two split points: y-prosemirror writes a split as delete + insert. Ids stay unique.)
    expect(one.getJSON()).toEqual(two.getJSON());
  });
  it('keeps the caret on its text when a remote change lands before it, also after local typing', () => {
    const [x, y] = [seededDoc(seed), new Y.Doc()];
    new Link(x, y);
    const [one, two] = [open(x), open(y)];
    caret(one, 2, 2); // Ga|mma
    typeText(one, 'Z');
    caret(two, 0, 0);
    typeText(two, 'remote ');
    const { from } = one.state.selection;
    expect(one.state.doc.textBetween(from - 3, from)).toBe('GaZ');
    caret(one, 1, 0);
    typeText(two, 'more ');
    expect(one.state.doc.textBetween(one.state.selection.from, one.state.selection.from + 4)).toBe('Beta');
  });

  it('writes typing to the block it changed, and the body stays equal to the document through mixed local and remote edits', () => {
    const [x, y] = [seededDoc(seed), new Y.Doc()];
    new Link(x, y);
    const [one, two] = [open(x), open(y)];
    // A fixed pseudo-random walk: typing in one block (the one-block path), in the same block as the other user,
    // in different blocks, splits and joins (the full diff).
    let state = 7;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    for (let step = 0; step < 300; step++) {
      const editor = next(3) === 0 ? two : one;
      const blocks = editor.state.doc.childCount;
      const action = next(20);
      caret(editor, next(blocks), next(2) === 0 ? 0 : -1);
      if (action === 0) press(editor, 'Enter');
      else if (action === 1 && blocks > 2) press(editor, 'Backspace');
      else typeText(editor, 'abc'.slice(next(3)));
      for (const [e, d] of [
        [one, x],
        [two, y],
      ] as const) {
        const written = e.schema.nodeFromJSON(yFragmentToJSON(d.getXmlFragment('body')));
        expect(written.eq(e.state.doc), `step ${step}`).toBe(true);
      }
      // Each editor has its own schema instance, so the two documents are compared as JSON.
      expect(one.state.doc.toJSON()).toEqual(two.state.doc.toJSON());
    }
  });

  it('diffs only the block typed in, not the body’s list of blocks, and the full body after a split', () => {
    const ydoc = seededDoc(seed);
    const editor = open(ydoc);
    caret(editor, 1, -1);
    typeText(editor, 'x');
    const blocksRead = vi.spyOn(ydoc.getXmlFragment('body'), 'toArray');
    typeText(editor, 'yz');
    expect(blocksRead).not.toHaveBeenCalled();
    expect(ydoc.getXmlFragment('body').toString()).toContain('Betaxyz');
    press(editor, 'Enter');
    expect(blocksRead).toHaveBeenCalled();
    expect(rows(editor).map((r) => r.text)).toEqual(['Alpha', 'Betaxyz', '', 'Gamma']);
  });
});
