import { templateSchema } from '@clausewright/schema';
import { describe, expect, it } from 'vitest';
import { deriveOutline, reuseEntries, SNIPPET_LENGTH } from './deriveOutline.ts';
import { clearOutline, outlineStore, publishOutline, setCurrentClause } from './outlineStore.ts';

const clause = (id: string, level: number, text: string, attrs: Record<string, unknown> = {}) => ({
  type: 'clause',
  attrs: { id, level, ...attrs },
  content: text ? [{ type: 'text', text }] : [],
});

const doc = (...blocks: object[]) => templateSchema.nodeFromJSON({ type: 'doc', content: blocks });

describe('deriveOutline', () => {
  it('lists clauses in order with level, label, snippet and condition, skipping other blocks', () => {
    const d = doc(
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '服务协议' }] },
      clause('scope', 1, '服务内容'),
      { type: 'clauseParagraph', attrs: { level: 1 }, content: [{ type: 'text', text: 'more' }] },
      clause('fee', 2, '费用', { if: 'pay_mode=分期' }),
      clause('empty', 2, ''),
    );
    const labels = new Map([
      ['scope', { label: '第一条' }],
      ['fee', { label: '1-1' }],
    ]);
    expect(deriveOutline(d, labels)).toEqual([
      { id: 'scope', level: 1, label: '第一条', text: '服务内容', conditional: false },
      { id: 'fee', level: 2, label: '1-1', text: '费用', conditional: true },
      { id: 'empty', level: 2, label: '', text: '', conditional: false },
    ]);
  });

  it('shortens long text, folds whitespace and shows fields by label, or by key when undefined', () => {
    const d = doc({
      type: 'clause',
      attrs: { id: 'a', level: 1 },
      content: [
        { type: 'text', text: '甲方  ' },
        { type: 'field', attrs: { key: 'party_a' } },
        { type: 'text', text: ` ${'长'.repeat(60)}` },
      ],
    });
    const [entry] = deriveOutline(d, new Map(), (key) => (key === 'party_a' ? '甲方名称' : undefined));
    expect(entry?.text.startsWith('甲方 〔甲方名称〕 长')).toBe(true);
    expect(deriveOutline(d, new Map())[0]?.text.startsWith('甲方 〔party_a〕 长')).toBe(true);
    expect(entry?.text.length).toBe(SNIPPET_LENGTH + 1);
    expect(entry?.text.endsWith('…')).toBe(true);
  });
});

describe('reuseEntries and the outline store', () => {
  it('keeps unchanged entries identical and the list itself when nothing changed', () => {
    const d = doc(clause('a', 1, 'one'), clause('b', 1, 'two'));
    const first = deriveOutline(d, new Map([['a', { label: '1.' }]]));
    expect(reuseEntries(first, deriveOutline(d, new Map([['a', { label: '1.' }]])))).toBe(first);

    const relabelled = reuseEntries(first, deriveOutline(d, new Map([['a', { label: '2.' }]])));
    expect(relabelled).not.toBe(first);
    expect(relabelled[0]).not.toBe(first[0]);
    expect(relabelled[1]).toBe(first[1]);
  });

  it('notices a reorder even when every entry is unchanged', () => {
    const first = deriveOutline(doc(clause('a', 1, 'x'), clause('b', 1, 'y')), new Map());
    const swapped = reuseEntries(first, deriveOutline(doc(clause('b', 1, 'y'), clause('a', 1, 'x')), new Map()));
    expect(swapped.map((e) => e.id)).toEqual(['b', 'a']);
    expect(swapped[0]).toBe(first[1]);
  });

  it('notifies subscribers only when the outline changed', () => {
    clearOutline();
    let calls = 0;
    const stop = outlineStore.subscribe(() => calls++);
    const d = doc(clause('a', 1, 'x'));
    publishOutline(deriveOutline(d, new Map()));
    publishOutline(deriveOutline(d, new Map()));
    expect(calls).toBe(1);
    publishOutline(deriveOutline(doc(clause('a', 2, 'x')), new Map()));
    expect(calls).toBe(2);
    stop();
  });
});

describe('the current clause', () => {
  it('changes only when the caret moves to another clause', () => {
    clearOutline();
    let calls = 0;
    const stop = outlineStore.subscribe(() => calls++);
    setCurrentClause('a');
    setCurrentClause('a');
    expect(outlineStore.getState().currentId).toBe('a');
    expect(calls).toBe(1);
    setCurrentClause(null);
    expect(calls).toBe(2);
    stop();
  });
});
