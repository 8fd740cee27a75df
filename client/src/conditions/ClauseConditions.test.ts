// @vitest-environment happy-dom
import { templateExtensions } from '@clausewright/schema';
import { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ClauseConditions, clauseConditionsKey } from './ClauseConditions.ts';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
  document.body.replaceChildren();
});

function setup(): Editor {
  const fields = new Y.Doc().getMap<unknown>('fields');
  fields.set('flag', { label: '附加服务', type: 'boolean' });
  const element = document.createElement('div');
  document.body.append(element);
  editor = new Editor({
    element,
    extensions: [...templateExtensions, ClauseConditions.configure({ fields })],
    content: {
      type: 'doc',
      content: [
        { type: 'clause', attrs: { id: 'a', level: 1, if: 'flag' }, content: [{ type: 'text', text: 'Alpha' }] },
        { type: 'clause', attrs: { id: 'b', level: 1 }, content: [{ type: 'text', text: 'Beta' }] },
      ],
    },
  });
  return editor;
}

const specs = (e: Editor) => (clauseConditionsKey.getState(e.state)?.decorations.find() ?? []).map((d) => d.spec);
const clauseDom = (id: string) => document.querySelector(`p[data-type=clause][data-id="${id}"]`);
const caretIn = (e: Editor, id: string) => {
  let pos = -1;
  e.state.doc.forEach((block, offset) => {
    if (block.attrs.id === id) pos = offset + 1;
  });
  e.view.dispatch(e.state.tr.setSelection(TextSelection.create(e.state.doc, pos)));
};

describe('ClauseConditions', () => {
  it('maps its decorations while typing in one clause, and rebuilds when a condition or the caret clause changes', () => {
    const e = setup();
    caretIn(e, 'a');
    const before = specs(e);
    expect(before.length).toBeGreaterThan(0);

    e.commands.insertContent('x');
    expect(specs(e)).toEqual(before);
    expect(specs(e).every((spec, i) => spec === before[i])).toBe(true);
    expect(clauseDom('a')?.classList.contains('cw-conditional')).toBe(true);
    expect(clauseDom('a')?.textContent).toContain('xAlpha');

    // A new condition on another clause is a structural change: the tag must appear.
    let posB = -1;
    e.state.doc.forEach((block, offset) => {
      if (block.attrs.id === 'b') posB = offset;
    });
    e.view.dispatch(e.state.tr.setNodeAttribute(posB, 'unless', 'flag'));
    expect(clauseDom('b')?.classList.contains('cw-conditional')).toBe(true);

    // Moving the caret to another clause moves the menu button with it.
    const withButtonInA = specs(e);
    caretIn(e, 'b');
    expect(specs(e).some((spec) => spec.key === 'cond-button:b')).toBe(true);
    expect(specs(e).some((spec) => spec.key === 'cond-button:a')).toBe(false);
    expect(withButtonInA.some((spec) => spec.key === 'cond-button:a')).toBe(true);
  });
});
