// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { caret, clause, clauseIds, doc, makeEditor, press, rows, selectBlocks, typeText } from '../test/editing.ts';

let editor: Editor;
afterEach(() => editor?.destroy());

function unique(ids: (string | null)[]): boolean {
  return ids.every((id) => typeof id === 'string' && id !== '') && new Set(ids).size === ids.length;
}

describe('ClauseKeymap: Enter', () => {
  it('splits in the middle: the first part keeps the id, the second is a new clause at the same level', () => {
    editor = makeEditor(doc(clause(1, 'a', 'Alpha'), clause(2, 'b', 'Beta gamma')));
    caret(editor, 1, 4);
    expect(press(editor, 'Enter')).toBe(true);
    const after = rows(editor);
    expect(after.map((r) => [r.level, r.text])).toEqual([
      [1, 'Alpha'],
      [2, 'Beta'],
      [2, ' gamma'],
    ]);
    expect(after[1]?.id).toBe('b');
    expect(after[2]?.id).toMatch(/^[A-Za-z][A-Za-z0-9]{9}$/);
    expect(unique(clauseIds(editor))).toBe(true);
    // The caret follows into the new clause, so typing continues there.
    typeText(editor, 'X');
    expect(rows(editor)[2]?.text).toBe('X gamma');
  });

  it('at the end opens an empty clause after with a new id; the condition stays behind', () => {
    editor = makeEditor(doc(clause(1, 'a', 'Alpha', { if: 'vip' })));
    caret(editor, 0, -1);
    press(editor, 'Enter');
    const after = rows(editor);
    expect(after.map((r) => [r.level, r.text])).toEqual([
      [1, 'Alpha'],
      [1, ''],
    ]);
    expect(after[0]?.id).toBe('a');
    expect(editor.state.doc.child(1).attrs.if).toBeNull();
    expect(unique(clauseIds(editor))).toBe(true);
  });

  it('at the very start of a non-empty clause inserts an empty clause before; the text keeps its id and the caret', () => {
    editor = makeEditor(doc(clause(1, 'a', 'Alpha'), clause(2, 'b', 'Beta')));
    caret(editor, 1, 0);
    press(editor, 'Enter');
    const after = rows(editor);
    expect(after.map((r) => [r.id === 'b', r.level, r.text])).toEqual([
      [false, 1, 'Alpha'],
      [false, 2, ''],
      [true, 2, 'Beta'],
    ]);
    typeText(editor, 'X');
    expect(rows(editor)[2]?.text).toBe('XBeta');
    expect(unique(clauseIds(editor))).toBe(true);
  });

  it('in an empty clause below level 1 promotes it instead of splitting', () => {
    editor = makeEditor(doc(clause(1, 'a', 'Alpha'), clause(3, 'b', '')));
    caret(editor, 1, 0);
    press(editor, 'Enter');
    expect(rows(editor).map((r) => [r.id, r.level])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    press(editor, 'Enter');
    press(editor, 'Enter');
    expect(rows(editor).map((r) => r.level)).toEqual([1, 1, 1]);
    expect(unique(clauseIds(editor))).toBe(true);
  });

  it('replaces a selection inside the clause, then splits', () => {
    editor = makeEditor(doc(clause(1, 'a', 'Alpha beta')));
    const start = 1 + 2;
    editor.commands.setTextSelection({ from: start, to: start + 4 });
    press(editor, 'Enter');
    expect(rows(editor).map((r) => r.text)).toEqual(['Al', 'beta']);
  });

  it('Shift-Enter is a hard break inside the clause', () => {
    editor = makeEditor(doc(clause(1, 'a', 'Alpha')));
    caret(editor, 0, 2);
    expect(press(editor, 'Shift-Enter')).toBe(true);
    expect(rows(editor)).toHaveLength(1);
    expect(editor.state.doc.child(0).child(1).type.name).toBe('hardBreak');
  });

  it('outside clauses leaves Enter to the default keymap', () => {
    editor = makeEditor(doc({ type: 'paragraph', content: [{ type: 'text', text: 'Hi there' }] }));
    caret(editor, 0, 2);
    press(editor, 'Enter');
    expect(editor.state.doc.childCount).toBe(2);
    expect(editor.state.doc.child(1).type.name).toBe('paragraph');
  });
});

describe('ClauseKeymap: Tab and Shift-Tab', () => {
  it('demotes at most one level below the clause before it and promotes down to level 1', () => {
    editor = makeEditor(doc(clause(1, 'a', 'A'), clause(1, 'b', 'B'), clause(1, 'c', 'C')));
    caret(editor, 1, 0);
    press(editor, 'Tab');
    press(editor, 'Tab');
    expect(rows(editor).map((r) => r.level)).toEqual([1, 2, 1]);
    caret(editor, 2, 0);
    press(editor, 'Tab');
    press(editor, 'Tab');
    press(editor, 'Tab');
    expect(rows(editor).map((r) => r.level)).toEqual([1, 2, 3]);
    press(editor, 'Shift-Tab');
    expect(rows(editor).map((r) => r.level)).toEqual([1, 2, 2]);
    caret(editor, 0, 0);
    expect(press(editor, 'Tab')).toBe(true);
    press(editor, 'Shift-Tab');
    expect(rows(editor).map((r) => r.level)).toEqual([1, 2, 2]);
  });

  it('moves every clause the selection touches as one, with their clause paragraphs', () => {
    editor = makeEditor(
      doc(
        clause(1, 'a', 'A'),
        clause(1, 'b', 'B'),
        { type: 'clauseParagraph', attrs: { level: 1 }, content: [{ type: 'text', text: 'B more' }] },
        clause(2, 'c', 'C'),
        clause(1, 'd', 'D'),
      ),
    );
    selectBlocks(editor, 1, 3);
    press(editor, 'Tab');
    expect(rows(editor).map((r) => r.level)).toEqual([1, 2, 3, 1]);
    expect(editor.state.doc.child(2).attrs.level).toBe(2);
    press(editor, 'Shift-Tab');
    press(editor, 'Shift-Tab');
    expect(rows(editor).map((r) => r.level)).toEqual([1, 1, 1, 1]);
    expect(editor.state.doc.child(2).attrs.level).toBe(1);
  });

  it('with the caret in a clause paragraph moves its clause', () => {
    editor = makeEditor(
      doc(clause(1, 'a', 'A'), clause(1, 'b', 'B'), {
        type: 'clauseParagraph',
        attrs: { level: 1 },
        content: [{ type: 'text', text: 'more' }],
      }),
    );
    caret(editor, 2, 1);
    press(editor, 'Tab');
    expect(rows(editor).map((r) => r.level)).toEqual([1, 2]);
    expect(editor.state.doc.child(2).attrs.level).toBe(2);
  });

  it('leaves Tab to the table inside a table cell', () => {
    editor = makeEditor(
      doc(clause(1, 'a', 'A'), {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] },
              { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'y' }] }] },
            ],
          },
        ],
      }),
    );
    // Caret inside the first cell's paragraph: doc > table > row > cell > paragraph.
    const cellText = editor.state.doc.child(0).nodeSize + 4;
    editor.commands.setTextSelection(cellText);
    expect(editor.state.selection.$from.parent.textContent).toBe('x');
    press(editor, 'Tab');
    expect(editor.state.selection.$from.parent.textContent).toBe('y');
    expect(rows(editor).map((r) => r.level)).toEqual([1]);
  });

  it('setClauseCondition sets one condition by id or position and clears the other', () => {
    editor = makeEditor(doc(clause(1, 'a', 'A'), clause(1, 'b', 'B', { unless: 'x' })));
    expect(editor.commands.setClauseCondition('b', { if: 'pay_mode=分期' })).toBe(true);
    expect(editor.state.doc.child(1).attrs).toMatchObject({ id: 'b', if: 'pay_mode=分期', unless: null });
    expect(editor.commands.setClauseCondition(0, { unless: 'vip' })).toBe(true);
    expect(editor.state.doc.child(0).attrs).toMatchObject({ id: 'a', if: null, unless: 'vip' });
    expect(editor.commands.setClauseCondition('a', {})).toBe(true);
    expect(editor.state.doc.child(0).attrs).toMatchObject({ if: null, unless: null });
    expect(editor.commands.setClauseCondition('nope', { if: 'x' })).toBe(false);
  });
});

describe('ClauseKeymap: Backspace at the start of a clause', () => {
  it('promotes an empty indented clause, then joins it away at level 1', () => {
    editor = makeEditor(doc(clause(1, 'a', 'Alpha'), clause(2, 'b', '')));
    caret(editor, 1, 0);
    press(editor, 'Backspace');
    expect(rows(editor).map((r) => [r.id, r.level])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    press(editor, 'Backspace');
    expect(rows(editor).map((r) => [r.id, r.text])).toEqual([['a', 'Alpha']]);
  });

  it('joins a non-empty clause into the previous one, which keeps its id', () => {
    editor = makeEditor(doc(clause(1, 'a', 'Alpha'), clause(2, 'b', 'Beta'), clause(1, 'c', 'Gamma')));
    caret(editor, 1, 0);
    press(editor, 'Backspace');
    expect(rows(editor).map((r) => [r.id, r.level, r.text])).toEqual([
      ['a', 1, 'AlphaBeta'],
      ['c', 1, 'Gamma'],
    ]);
    typeText(editor, '-');
    expect(rows(editor)[0]?.text).toBe('Alpha-Beta');
  });

  it('keeps the first clause of the document a clause', () => {
    editor = makeEditor(doc(clause(1, 'a', ''), clause(1, 'b', 'B')));
    caret(editor, 0, 0);
    press(editor, 'Backspace');
    expect(rows(editor).map((r) => r.id)).toEqual(['a', 'b']);
    expect(editor.state.doc.child(0).type.name).toBe('clause');
  });

  it('after any sequence of Enter, Tab, Backspace every clause has its own non-null id', () => {
    editor = makeEditor(doc(clause(1, 'a', 'one two three'), clause(1, 'b', 'four five')));
    const keys = ['Enter', 'Tab', 'Enter', 'Backspace', 'Enter', 'Shift-Tab', 'Enter', 'Tab', 'Backspace', 'Backspace'];
    caret(editor, 0, 4);
    for (const key of keys) {
      press(editor, key);
      typeText(editor, 'x');
      expect(unique(clauseIds(editor)), key).toBe(true);
    }
  });
});
