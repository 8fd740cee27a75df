// @vitest-environment happy-dom
import { ClauseKeymap, ClauseLabels, templateExtensions } from '@clausewright/schema';
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { OutlineFeed } from './OutlineFeed.ts';
import { clearOutline, outlineStore } from './outlineStore.ts';

const clause = (id: string, level: number, text: string) => ({
  type: 'clause',
  attrs: { id, level },
  content: [{ type: 'text', text }],
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function setup() {
  const feed = new OutlineFeed();
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: [
      ...templateExtensions,
      ClauseKeymap,
      ClauseLabels.configure({ getScheme: () => 'zh-article', onChange: (labels) => feed.labelsChanged(labels) }),
    ],
    content: { type: 'doc', content: [clause('a', 1, '总则'), clause('b', 1, '定义'), clause('c', 1, '付款')] },
  });
  feed.attach(editor);
  let published = 0;
  const stop = outlineStore.subscribe((state, previous) => {
    if (state.entries !== previous.entries) published++;
  });
  return {
    editor,
    published: () => published,
    labels: () => outlineStore.getState().entries.map((e) => `${e.id}=${e.label}`),
    done: () => {
      stop();
      feed.detach();
      editor.destroy();
    },
  };
}

describe('OutlineFeed', () => {
  afterEach(() => clearOutline());

  it('publishes labels when they change, and text only after typing pauses', async () => {
    const t = setup();
    await wait(30);
    expect(t.labels()).toEqual(['a=第一条', 'b=第二条', 'c=第三条']);

    // Typing in a clause: nothing is published while the keys come…
    const before = t.published();
    const endOfB = 7; // clause a spans 0–4 (two characters), b's text 5–7
    t.editor.commands.insertContentAt(endOfB, '与解释');
    t.editor.commands.insertContentAt(endOfB + 3, '。');
    await wait(30);
    expect(t.published()).toBe(before);
    // …and the snippet catches up once they stop.
    await wait(500);
    expect(t.published()).toBe(before + 1);
    expect(outlineStore.getState().entries[1]?.text).toBe('定义与解释。');

    // Demoting a clause relabels at once (next frame), without waiting for the pause.
    t.editor.commands.setTextSelection(endOfB + 4);
    t.editor.commands.indentClause();
    await wait(50);
    expect(t.labels()).toEqual(['a=第一条', 'b=1-1', 'c=第二条']);
    expect(outlineStore.getState().entries[1]?.level).toBe(2);
    t.done();
  });
});
