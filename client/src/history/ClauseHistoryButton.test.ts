// @vitest-environment happy-dom
import { templateExtensions } from '@clausewright/schema';
import { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { uiStore } from '../state/uiStore.ts';
import { ClauseHistoryButton } from './ClauseHistoryButton.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let editor: Editor | null = null;
const requested: string[] = [];

beforeEach(() => {
  uiStore.getState().setLang('zh');
  requested.length = 0;
  vi.stubGlobal('fetch', async (url: string) => {
    requested.push(url);
    const body = url.endsWith('/history') ? { clauseId: 'b', changes: [], since: { version: null, editors: [] } } : [];
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
});

afterEach(() => {
  act(() => editor?.destroy());
  editor = null;
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

function setup(): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  editor = new Editor({
    element,
    extensions: [...templateExtensions, ClauseHistoryButton.configure({ templateId: 'nda' })],
    content: {
      type: 'doc',
      content: [
        { type: 'clause', attrs: { id: 'a', level: 1 }, content: [{ type: 'text', text: 'Alpha' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Plain' }] },
        { type: 'clause', attrs: { id: 'b', level: 1 }, content: [{ type: 'text', text: 'Beta' }] },
      ],
    },
  });
  return editor;
}

function caretIn(e: Editor, index: number): void {
  let pos = -1;
  e.state.doc.forEach((_block, offset, i) => {
    if (i === index) pos = offset + 1;
  });
  e.view.dispatch(e.state.tr.setSelection(TextSelection.create(e.state.doc, pos)));
}

const buttons = () => [...document.querySelectorAll('[data-testid=clause-history-button]')];
const owner = (el: Element) => el.closest('p[data-type=clause]')?.getAttribute('data-id');

describe('ClauseHistoryButton', () => {
  it('puts one button in the clause holding the caret, none outside clauses', () => {
    const e = setup();
    caretIn(e, 0);
    expect(buttons().map(owner)).toEqual(['a']);
    caretIn(e, 2);
    expect(buttons().map(owner)).toEqual(['b']);
    caretIn(e, 1);
    expect(buttons()).toEqual([]);
  });

  it('keeps the same button while typing in its clause', () => {
    const e = setup();
    caretIn(e, 2);
    const before = buttons()[0];
    e.commands.insertContent('x');
    expect(buttons()).toEqual([before]);
    expect(document.querySelector('[data-id=b]')?.textContent).toBe('xBeta');
  });

  it("opens the clause's history for this template and clause", async () => {
    const e = setup();
    caretIn(e, 2);
    await act(async () => (buttons()[0] as HTMLElement).click());
    for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(requested).toContain('/api/templates/nda/clauses/b/history');
    const popover = document.querySelector('[data-testid=clause-history]');
    expect(popover?.getAttribute('data-clause')).toBe('b');
    expect(popover?.textContent).toContain('此条款在已发布的版本中没有变化');
    // The popover goes with the editor.
    act(() => e.destroy());
    editor = null;
    expect(document.querySelector('[data-testid=clause-history]')).toBeNull();
  });
});
