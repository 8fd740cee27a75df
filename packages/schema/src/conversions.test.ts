import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTemplate } from '@clausewright/markdown';
import type { Block, Clause } from '@clausewright/model';
import { describe, expect, it } from 'vitest';
import { docToBody } from './docToBody.ts';
import { templateSchema } from './templateSchema.ts';
import { templateToDoc } from './templateToDoc.ts';

const templatesDir = join(dirname(fileURLToPath(import.meta.url)), '../../../templates');
const templates = readdirSync(templatesDir).map((name) => ({
  name,
  template: parseTemplate(readFileSync(join(templatesDir, name, 'template.md'), 'utf8'), { expectedId: name }),
}));

const text = (t: string) => ({ type: 'text' as const, text: t });

describe('templateToDoc / docToBody on the real templates', () => {
  it('finds the three templates', () => {
    expect(templates).toHaveLength(3);
  });

  for (const { name, template } of templates) {
    it(`${name}: docToBody(templateToDoc(t)) equals the body, and the document passes the schema`, () => {
      const json = templateToDoc(template);
      expect(docToBody(json)).toEqual(template.body);
      expect(() => templateSchema.nodeFromJSON(json).check()).not.toThrow();
    });

    it(`${name}: survives a trip through a ProseMirror node`, () => {
      const json = templateSchema.nodeFromJSON(templateToDoc(template)).toJSON();
      expect(docToBody(json)).toEqual(template.body);
    });
  }
});

describe('templateToDoc', () => {
  it('writes the clause tree as flat clause blocks with levels, paragraphs after their clause', () => {
    const body: Block[] = [
      {
        type: 'clauses',
        clauses: [
          {
            id: 'a',
            content: [text('A')],
            paragraphs: [[text('A, more')]],
            condition: { kind: 'if', field: 'pay_mode', equals: '分期 付款' },
            children: [{ id: 'b', content: [text('B')], paragraphs: [], children: [] }],
          },
          { id: 'c', content: [], paragraphs: [], condition: { kind: 'unless', field: 'vat' }, children: [] },
        ],
      },
    ];
    expect(templateToDoc({ body }).content).toEqual([
      { type: 'clause', attrs: { id: 'a', level: 1, if: 'pay_mode=分期 付款', unless: null }, content: [text('A')] },
      { type: 'clauseParagraph', attrs: { level: 1 }, content: [text('A, more')] },
      { type: 'clause', attrs: { id: 'b', level: 2, if: null, unless: null }, content: [text('B')] },
      { type: 'clause', attrs: { id: 'c', level: 1, if: null, unless: 'vat' } },
    ]);
  });

  it('maps marks, fields, references and breaks to their nodes, atom marks to `textMarks`', () => {
    const body: Block[] = [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'x', marks: ['bold', 'strike'] },
          { type: 'field', key: 'amount', filter: 'rmb_upper', marks: ['italic'] },
          { type: 'break' },
          { type: 'ref', target: 'payment' },
        ],
      },
    ];
    expect(templateToDoc({ body }).content?.[0]?.content).toEqual([
      { type: 'text', text: 'x', marks: [{ type: 'bold' }, { type: 'strike' }] },
      { type: 'field', attrs: { key: 'amount', filter: 'rmb_upper', textMarks: 'italic' } },
      { type: 'hardBreak' },
      { type: 'clauseRef', attrs: { target: 'payment', textMarks: null } },
    ]);
  });

  it('round-trips a table with alignment, the first row as header cells', () => {
    const body: Block[] = [
      {
        type: 'table',
        align: ['left', null, 'right'],
        rows: [
          [[text('甲方')], [], [text('乙方')]],
          [[{ type: 'field', key: 'a' }], [text('x'), { type: 'break' }, text('y')], []],
        ],
      },
    ];
    const json = templateToDoc({ body });
    const node = templateSchema.nodeFromJSON(json);
    node.check();
    expect(node.firstChild?.firstChild?.firstChild?.type.name).toBe('tableHeader');
    expect(node.firstChild?.lastChild?.firstChild?.type.name).toBe('tableCell');
    expect(docToBody(node.toJSON())).toEqual(body);
  });

  it('writes an empty body as one empty paragraph, which reads back as an empty body', () => {
    const json = templateToDoc({ body: [] });
    expect(json).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(() => templateSchema.nodeFromJSON(json).check()).not.toThrow();
    expect(docToBody(json)).toEqual([]);
  });

  it('refuses clauses nested deeper than nine levels', () => {
    let clause: Clause = {
      id: 'c10',
      content: [],
      paragraphs: [],
      children: [],
    };
    for (let i = 9; i >= 1; i--) clause = { id: `c${i}`, content: [], paragraphs: [], children: [clause] };
    expect(() => templateToDoc({ body: [{ type: 'clauses', clauses: [clause] }] })).toThrow(RangeError);
  });
});

describe('docToBody', () => {
  const clause = (id: string, level: number, extra: Record<string, unknown> = {}) => ({
    type: 'clause',
    attrs: { id, level, ...extra },
    content: [text(id)],
  });
  const leaf = (id: string, children: unknown[] = []) => ({ id, content: [text(id)], paragraphs: [], children });

  it('derives the tree from levels', () => {
    const body = docToBody({
      type: 'doc',
      content: [clause('a', 1), clause('b', 2), clause('c', 3), clause('d', 2), clause('e', 1)],
    });
    expect(body).toEqual([{ type: 'clauses', clauses: [leaf('a', [leaf('b', [leaf('c')]), leaf('d')]), leaf('e')] }]);
  });

  it('clamps a level that jumps by more than one to one below the previous clause', () => {
    const body = docToBody({ type: 'doc', content: [clause('a', 1), clause('b', 3), clause('c', 3), clause('d', 4)] });
    expect(body).toEqual([{ type: 'clauses', clauses: [leaf('a', [leaf('b'), leaf('c', [leaf('d')])])] }]);
  });

  it('attaches a clause to the nearest preceding clause of a lower level', () => {
    const body = docToBody({ type: 'doc', content: [clause('a', 1), clause('b', 3), clause('c', 2)] });
    expect(body).toEqual([{ type: 'clauses', clauses: [leaf('a', [leaf('b'), leaf('c')])] }]);
  });

  it('keeps levels within 1–9 whatever a peer stored', () => {
    const body = docToBody({ type: 'doc', content: [clause('a', 0), clause('b', 42), clause('c', Number.NaN)] });
    expect(body).toEqual([{ type: 'clauses', clauses: [leaf('a', [leaf('b')]), leaf('c')] }]);
  });

  it('starts every run of clauses at the top level, whatever level its first clause has', () => {
    const body = docToBody({ type: 'doc', content: [clause('a', 4), clause('b', 9)] });
    expect(body).toEqual([{ type: 'clauses', clauses: [leaf('a', [leaf('b')])] }]);
  });

  it('splits clause runs at any other block', () => {
    const body = docToBody({
      type: 'doc',
      content: [clause('a', 1), { type: 'heading', attrs: { level: 2 }, content: [text('H')] }, clause('b', 2)],
    });
    expect(body).toEqual([
      { type: 'clauses', clauses: [leaf('a')] },
      { type: 'heading', level: 2, content: [text('H')] },
      { type: 'clauses', clauses: [leaf('b')] },
    ]);
  });

  it('gives a clause paragraph to the nearest preceding clause, whatever its own level', () => {
    const body = docToBody({
      type: 'doc',
      content: [clause('a', 1), clause('b', 2), { type: 'clauseParagraph', attrs: { level: 1 }, content: [text('p')] }],
    });
    expect(body).toEqual([{ type: 'clauses', clauses: [leaf('a', [{ ...leaf('b'), paragraphs: [[text('p')]] }])] }]);
  });

  it('reads a clause paragraph with no clause before it as a plain paragraph', () => {
    const body = docToBody({
      type: 'doc',
      content: [
        { type: 'clauseParagraph', attrs: { level: 1 }, content: [text('orphan')] },
        { type: 'paragraph' },
        { type: 'clauseParagraph' },
      ],
    });
    expect(body).toEqual([
      { type: 'paragraph', content: [text('orphan')] },
      { type: 'paragraph', content: [] },
      { type: 'paragraph', content: [] },
    ]);
  });

  it('reads conditions, a missing id as empty, and defaults for missing attributes', () => {
    const body = docToBody({
      type: 'doc',
      content: [
        { type: 'clause', attrs: { if: 'pay_mode=a=b' } },
        { type: 'clause', attrs: { unless: 'vat=' } },
        { type: 'clause' },
      ],
    });
    expect(body).toEqual([
      {
        type: 'clauses',
        clauses: [
          {
            id: '',
            content: [],
            paragraphs: [],
            children: [],
            condition: { kind: 'if', field: 'pay_mode', equals: 'a=b' },
          },
          {
            id: '',
            content: [],
            paragraphs: [],
            children: [],
            condition: { kind: 'unless', field: 'vat', equals: '' },
          },
          { id: '', content: [], paragraphs: [], children: [] },
        ],
      },
    ]);
  });

  it('merges adjacent text with equal marks, orders marks canonically and drops marks the model lacks', () => {
    const body = docToBody({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'a', marks: [{ type: 'strike' }, { type: 'bold' }] },
            { type: 'text', text: 'b', marks: [{ type: 'bold' }, { type: 'strike' }] },
            { type: 'text', text: 'c', marks: [{ type: 'code' }] },
            { type: 'text', text: '' },
          ],
        },
      ],
    });
    expect(body).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'ab', marks: ['bold', 'strike'] },
          { type: 'text', text: 'c' },
        ],
      },
    ]);
  });
});
