// @vitest-environment happy-dom
import { type Clause, numberClauses } from '@clausewright/model';
import { type Editor, Extension, type JSONContent } from '@tiptap/core';
import { Fragment, type Node, Slice } from '@tiptap/pm/model';
import { type EditorState, Plugin, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collabEditor, Link, seededDoc } from '../test/collab.ts';
import { caret, clause, doc, makeEditor, press, rows, typeText } from '../test/editing.ts';
import { decorationRows, labelState, labelsOf, labelTable, referenceRows } from '../test/labelState.ts';
import { ClauseLabels, clauseLabelsKey, getClauseLabels } from './ClauseLabels.ts';
import { docToBody } from './docToBody.ts';

const text = (t: string): JSONContent => ({ type: 'text', text: t });
const ref = (target: string): JSONContent => ({ type: 'clauseRef', attrs: { target } });
const paragraph = (t = ''): JSONContent => ({ type: 'paragraph', content: t ? [text(t)] : [] });

const contract = doc(
  { type: 'heading', attrs: { level: 1 }, content: [text('Contract')] },
  clause(1, 'a', 'Parties'),
  clause(2, 'a1', 'Buyer'),
  clause(2, 'a2', 'Seller'),
  clause(1, 'b', 'Price', { if: 'paid' }),
  { type: 'clauseParagraph', attrs: { level: 1 }, content: [text('more')] },
  clause(3, 'b1', 'Gap'),
  { type: 'clause', attrs: { id: 'c', level: 1 }, content: [text('See '), ref('a2'), text(' and '), ref('zz')] },
);

/** Labels as the model derives them from the same document (docToBody + numberClauses). */
function modelLabels(json: JSONContent, scheme: 'zh-article' | 'decimal' | 'legal-en' = 'zh-article') {
  const top: Clause[] = docToBody(json).flatMap((b) => (b.type === 'clauses' ? b.clauses : []));
  return Object.fromEntries([...numberClauses(top, scheme)].map(([id, n]) => [id, `${n.label}|${n.refLabel}`]));
}

describe('ClauseLabels', () => {
  it('labels every clause as the model numbers the same document', () => {
    const state = labelState(contract);
    expect(labelTable(state)).toEqual(modelLabels(contract));
    expect(labelTable(state)).toMatchObject({ a: '第一条|第一条', a1: '1-1|1-1', b1: '2-1|2-1', c: '第三条|第三条' });
  });

  it('decorates clauses with data-label and the conditional class, references with the target label or missing', () => {
    expect(decorationRows(labelState(contract))).toEqual(referenceRows(labelState(contract)));
    const rows = decorationRows(labelState(contract)).join('\n');
    expect(rows).toContain('{"data-label":"1-2"}');
    expect(rows).toContain('{"data-label":"第二条","class":"cw-conditional"}');
    expect(rows).toContain('{"data-missing":"true"}');
    expect(decorationRows(labelState(contract)).filter((r) => r.includes('"data-label":"1-2"'))).toHaveLength(2);
  });

  it('keeps the very same labels object and version when typing inside a clause', () => {
    const state = labelState(contract);
    const before = labelsOf(state);
    const next = state.apply(state.tr.insertText('x', 20));
    expect(labelsOf(next).labels).toBe(before.labels);
    expect(labelsOf(next).version).toBe(before.version);
    expect(decorationRows(next)).toEqual(decorationRows(labelState(next.doc.toJSON())));
  });

  it('renumbers when the structure changes, and only then bumps the version', () => {
    let state = labelState(contract);
    const start = labelsOf(state).version;
    // Demote clause b (block 4) to level 2: it becomes 1-3, its gap child 1-3-1, c becomes 第二条.
    let pos = 0;
    for (let i = 0; i < 4; i++) pos += state.doc.child(i).nodeSize;
    state = state.apply(state.tr.setNodeAttribute(pos, 'level', 2));
    expect(labelsOf(state).version).toBe(start + 1);
    expect(labelTable(state)).toEqual(modelLabels(state.doc.toJSON()));
    expect(labelTable(state)).toMatchObject({ b: '1-3|1-3', b1: '1-3-1|1-3-1', c: '第二条|第二条' });
    expect(decorationRows(state).join()).toContain('{"data-label":"1-2"}');
    // Inserting a paragraph between two headings changes nothing numbering reads.
    const same = state.apply(state.tr.insert(0, state.schema.nodeFromJSON(paragraph('intro'))));
    expect(labelsOf(same).labels).toBe(labelsOf(state).labels);
  });

  it('relabels on meta `relabel` after the numbering scheme changed', () => {
    const scheme = { current: 'zh-article' as const } as { current: 'zh-article' | 'decimal' | 'legal-en' };
    let state = labelState(contract, scheme);
    scheme.current = 'legal-en';
    state = state.apply(state.tr.setMeta(clauseLabelsKey, { relabel: true }));
    expect(labelTable(state)).toEqual(modelLabels(contract, 'legal-en'));
    expect(labelTable(state).a2).toBe('Section 1.2|Section 1.2');
  });

  it('treats a y-prosemirror style whole-document replace that reuses unchanged nodes as a one-block change', () => {
    const state = labelState(contract);
    const children: Node[] = [];
    state.doc.forEach((n) => {
      children.push(n);
    });
    children[2] = state.schema.nodeFromJSON(clause(2, 'a1', 'Buyer (remote edit)'));
    const next = state.apply(state.tr.replace(0, state.doc.content.size, new Slice(Fragment.from(children), 0, 0)));
    expect(labelsOf(next).labels).toBe(labelsOf(state).labels);
    expect(decorationRows(next)).toEqual(decorationRows(labelState(next.doc.toJSON())));
  });
});

describe('ClauseLabels in an editor', () => {
  let editor: Editor;
  afterEach(() => editor?.destroy());

  it('shows labels as data-label on the clause elements and calls onChange only when labels change', () => {
    const calls: number[] = [];
    editor = makeEditor(doc(clause(1, 'a', 'Alpha'), clause(1, 'b', 'Beta')), [
      ClauseLabels.configure({ onChange: (_labels, version) => calls.push(version) }),
    ]);
    const labels = () =>
      [...editor.view.dom.querySelectorAll('p[data-type="clause"]')].map((p) => p.getAttribute('data-label'));
    expect(labels()).toEqual(['第一条', '第二条']);
    caret(editor, 1, -1);
    typeText(editor, 'xyz');
    expect(calls).toEqual([0]);
    press(editor, 'Tab');
    expect(labels()).toEqual(['第一条', '1-1']);
    press(editor, 'Enter');
    expect(labels()).toEqual(['第一条', '1-1', '1-2']);
    expect(calls).toEqual([0, 1, 2]);
  });
});

describe('ClauseLabels next to other decorations', () => {
  let editor: Editor;
  afterEach(() => editor?.destroy());

  it('draws labels through prosemirror-view’s decoration group, with another plugin’s decorations, after random keys', () => {
    // Another plugin decorating the first character of every textblock forces the view to group decoration sources.
    const Marker = Extension.create({
      name: 'marker',
      addProseMirrorPlugins() {
        return [
          new Plugin({
            props: {
              decorations: (state) => {
                const found: Decoration[] = [];
                state.doc.forEach((node, pos) => {
                  if (node.content.size > 0) found.push(Decoration.inline(pos + 1, pos + 2, { class: 'marked' }));
                });
                return DecorationSet.create(state.doc, found);
              },
            },
          }),
        ];
      },
    });
    editor = makeEditor(
      doc(clause(1, 'a', 'Alpha'), clause(1, 'b', 'Beta'), clause(1, 'c', 'Gamma'), clause(1, 'd', 'Delta')),
      [ClauseLabels, Marker],
    );
    const shown = () =>
      [...editor.view.dom.querySelectorAll('p[data-type="clause"]')].map((p) => p.getAttribute('data-label'));
    const expected = () => {
      const labels = getClauseLabels(editor.state)?.labels;
      return rows(editor).map((r) => labels?.get(String(r.id))?.label ?? '');
    };
    const keys = [
      'Tab',
      'Enter',
      'Tab',
      'Tab',
      'Shift-Tab',
      'Enter',
      'Backspace',
      'Enter',
      'Tab',
      'Backspace',
      'Shift-Tab',
    ];
    let seed = 7;
    for (let step = 0; step < 60; step++) {
      seed = (seed * 48271) % 2147483647;
      const block = seed % editor.state.doc.childCount;
      caret(editor, block, seed % 2 === 0 ? 0 : -1);
      press(editor, keys[seed % keys.length] as string);
      typeText(editor, 'z');
      expect(shown(), `step ${step}`).toEqual(expected());
      expect(labelTable(editor.state)).toEqual(modelLabels(editor.getJSON()));
    }
    expect(editor.view.dom.querySelectorAll('.marked').length).toBe(editor.state.doc.childCount);
  });
});

describe('ClauseLabels references in an editor', () => {
  let editor: Editor;
  afterEach(() => editor?.destroy());

  it('shows a reference’s live label, following renumbering, and marks a missing target', () => {
    editor = makeEditor(
      doc(clause(1, 'a', 'Alpha'), clause(1, 'b', 'Beta'), {
        type: 'clause',
        attrs: { id: 'c', level: 1 },
        content: [text('See '), ref('b'), ref('gone')],
      }),
      [ClauseLabels],
    );
    const chips = () =>
      [...editor.view.dom.querySelectorAll('[data-type="clause-ref"]')].map(
        (el) => el.getAttribute('data-label') ?? `missing:${el.getAttribute('data-missing')}`,
      );
    expect(chips()).toEqual(['第二条', 'missing:true']);
    caret(editor, 1, 0);
    press(editor, 'Tab');
    expect(chips()).toEqual(['1-1', 'missing:true']);
  });
});

describe('ClauseLabels with remote changes', () => {
  const editors: Editor[] = [];
  afterEach(() => {
    for (const e of editors.splice(0)) e.destroy();
  });

  it('keeps the labels object on a remote keystroke and renumbers on a remote Tab', () => {
    const [x, y] = [
      seededDoc(doc(clause(1, 'a', 'Alpha'), clause(1, 'b', 'Beta'), clause(1, 'c', 'Gamma'))),
      new Y.Doc(),
    ];
    new Link(x, y);
    const one = collabEditor(x, [ClauseLabels]);
    const two = collabEditor(y, [ClauseLabels]);
    editors.push(one, two);
    const before = getClauseLabels(two.state);
    caret(one, 1, -1);
    typeText(one, 'xyz');
    expect(rows(two)[1]?.text).toBe('Betaxyz');
    expect(getClauseLabels(two.state)?.labels).toBe(before?.labels);
    press(one, 'Tab');
    expect(Object.fromEntries([...(getClauseLabels(two.state)?.labels ?? [])].map(([id, n]) => [id, n.label]))).toEqual(
      {
        a: '第一条',
        b: '1-1',
        c: '第二条',
      },
    );
    const labels = [...two.view.dom.querySelectorAll('p[data-type="clause"]')].map((p) => p.getAttribute('data-label'));
    expect(labels).toEqual(['第一条', '1-1', '第二条']);
  });
});

/** Random edits, each checked against labels and decorations computed from scratch. */
describe('ClauseLabels property: incremental equals full recompute', () => {
  type Edit = (state: EditorState, r: number[]) => Transaction | null;

  function blockStart(d: Node, index: number): number {
    let pos = 0;
    for (let i = 0; i < index; i++) pos += d.child(i).nodeSize;
    return pos;
  }
  const pick = (d: Node, r: number) => Math.floor(r * d.childCount) % d.childCount;
  const inside = (d: Node, index: number, r: number) => {
    const node = d.child(index);
    return blockStart(d, index) + 1 + Math.floor(r * (node.content.size + 1));
  };

  const edits: Edit[] = [
    // Typing
    (s, [a = 0, b = 0]) => {
      const i = pick(s.doc, a);
      return s.doc.child(i).isTextblock ? s.tr.insertText('k', inside(s.doc, i, b)) : null;
    },
    // Enter-like split into a new clause with a new id
    (s, [a = 0, b = 0, c = 0]) => {
      const i = pick(s.doc, a);
      const node = s.doc.child(i);
      if (node.type.name !== 'clause') return null;
      return s.tr.split(inside(s.doc, i, b), 1, [
        { type: node.type, attrs: { ...node.attrs, id: `n${Math.floor(c * 1e9)}` } },
      ]);
    },
    // Level change
    (s, [a = 0, b = 0]) => {
      const i = pick(s.doc, a);
      if (s.doc.child(i).type.name !== 'clause') return null;
      return s.tr.setNodeAttribute(blockStart(s.doc, i), 'level', 1 + Math.floor(b * 4));
    },
    // Condition change (no renumbering, but decorations)
    (s, [a = 0]) => {
      const i = pick(s.doc, a);
      const node = s.doc.child(i);
      if (node.type.name !== 'clause') return null;
      return s.tr.setNodeMarkup(blockStart(s.doc, i), undefined, { ...node.attrs, if: node.attrs.if ? null : 'x' });
    },
    // Delete across blocks (joins)
    (s, [a = 0, b = 0, c = 0]) => {
      const i = pick(s.doc, a);
      const j = Math.min(s.doc.childCount - 1, i + 1 + Math.floor(b * 2));
      if (j === i || !s.doc.child(i).isTextblock || !s.doc.child(j).isTextblock) return null;
      return s.tr.delete(inside(s.doc, i, c), inside(s.doc, j, 1 - c));
    },
    // Insert a paragraph, a clause paragraph or a clause between blocks
    (s, [a = 0, b = 0, c = 0]) => {
      const i = pick(s.doc, a);
      const kind = Math.floor(b * 3);
      const json =
        kind === 0
          ? paragraph('p')
          : kind === 1
            ? { type: 'clauseParagraph', attrs: { level: 1 }, content: [text('cp')] }
            : clause(1 + Math.floor(c * 3), `i${Math.floor(c * 1e9)}`, 'ins');
      return s.tr.insert(blockStart(s.doc, i), s.schema.nodeFromJSON(json));
    },
    // Insert a reference to some clause (or a missing one)
    (s, [a = 0, b = 0, c = 0]) => {
      const i = pick(s.doc, a);
      if (!s.doc.child(i).isTextblock) return null;
      const ids: string[] = [];
      s.doc.forEach((n) => {
        if (n.type.name === 'clause') ids.push(String(n.attrs.id));
      });
      const target = ids[Math.floor(c * (ids.length + 1))] ?? 'missing';
      return s.tr.insert(inside(s.doc, i, b), s.schema.nodes.clauseRef?.create({ target }) as Node);
    },
    // Rename a clause id
    (s, [a = 0, b = 0]) => {
      const i = pick(s.doc, a);
      if (s.doc.child(i).type.name !== 'clause') return null;
      return s.tr.setNodeAttribute(blockStart(s.doc, i), 'id', `r${Math.floor(b * 1e9)}`);
    },
    // Remote-style whole-document replace reusing unchanged nodes, one block retyped
    (s, [a = 0]) => {
      const i = pick(s.doc, a);
      const node = s.doc.child(i);
      if (!node.isTextblock) return null;
      const children: Node[] = [];
      s.doc.forEach((n) => {
        children.push(n);
      });
      children[i] = node.type.create(node.attrs, node.content.append(Fragment.from(s.schema.text('R'))));
      return s.tr.replace(0, s.doc.content.size, new Slice(Fragment.from(children), 0, 0));
    },
  ];

  it('after every step of random edit sequences (seeded)', () => {
    const start = doc(
      clause(1, 'a', 'one'),
      clause(2, 'b', 'two'),
      paragraph('between'),
      clause(2, 'c', 'three'),
      clause(1, 'd', 'four'),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.nat(edits.length - 1),
            fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 3, maxLength: 3 }),
          ),
          {
            minLength: 1,
            maxLength: 25,
          },
        ),
        (steps) => {
          let state = labelState(start);
          for (const [which, r] of steps) {
            const tr = edits[which]?.(state, r);
            if (!tr) continue;
            const before = labelsOf(state);
            state = state.apply(tr);
            const fresh = labelState(state.doc.toJSON());
            expect(labelTable(state)).toEqual(labelTable(fresh));
            expect(labelTable(state)).toEqual(modelLabels(state.doc.toJSON()));
            expect(decorationRows(state)).toEqual(decorationRows(fresh));
            expect(decorationRows(state)).toEqual(referenceRows(state));
            const after = labelsOf(state);
            // The version moves exactly when the labels object is replaced.
            expect(after.version !== before.version).toBe(after.labels !== before.labels);
          }
        },
      ),
      { seed: 20261126, numRuns: 200 },
    );
  });
});
