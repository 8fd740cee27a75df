import type { ClauseListBlock, Inline, TableBlock } from '@clausewright/model';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from './parseTemplate.ts';

const FRONT = `---
schemaVersion: 1
id: demo
title: 示例合同
locale: zh-CN
numbering: zh-article
fields:
  buyer:
    label: 买方
    type: text
  amount:
    label: 金额
    type: money
  pay_mode:
    label: 付款方式
    type: choice
    options: [一次性, 分期 付款, installments]
  has_deposit:
    label: 有定金
    type: boolean
---
`;

function parse(body: string) {
  return parseTemplate(`${FRONT}\n${body}`);
}

function clauses(body: string) {
  const block = parse(body).body.find((b) => b.type === 'clauses') as ClauseListBlock;
  return block.clauses;
}

function content(body: string): Inline[] {
  const block = parse(body).body[0];
  if (block?.type !== 'paragraph') throw new Error('expected a paragraph');
  return block.content;
}

describe('parseTemplate: front matter', () => {
  it('reads meta and keeps field definitions in the order written', () => {
    const t = parse('');
    expect(t.meta).toEqual({
      schemaVersion: 1,
      id: 'demo',
      title: '示例合同',
      locale: 'zh-CN',
      numbering: 'zh-article',
    });
    expect(Object.keys(t.fields)).toEqual(['buyer', 'amount', 'pay_mode', 'has_deposit']);
    expect(t.fields.pay_mode).toEqual({
      label: '付款方式',
      type: 'choice',
      options: ['一次性', '分期 付款', 'installments'],
    });
    expect(t.body).toEqual([]);
  });

  it('accepts a template without fields, a byte-order mark and CRLF line endings', () => {
    const source =
      '\uFEFF---\r\nschemaVersion: 1\r\nid: x\r\ntitle: T\r\nlocale: en\r\nnumbering: decimal\r\n---\r\n\r\nHello\r\n';
    const t = parseTemplate(source, { expectedId: 'x' });
    expect(t.fields).toEqual({});
    expect(t.body).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }]);
  });
});

describe('parseTemplate: blocks', () => {
  it('reads headings, paragraphs and tables (all rows, alignment, escaped pipes, <br>)', () => {
    const t = parse(
      '# 买卖合同\n\n甲方：{{buyer}}\n\n| 甲方 | 金额 \\| 大写 | 备注 |\n| :-- | :-: | --: |\n| {{buyer}} | {{amount \\| rmb_upper}} | 签字<br>盖章 |\n| 只有一格 |\n',
    );
    expect(t.body[0]).toEqual({ type: 'heading', level: 1, content: [{ type: 'text', text: '买卖合同' }] });
    expect(t.body[1]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: '甲方：' },
        { type: 'field', key: 'buyer' },
      ],
    });
    const table = t.body[2] as TableBlock;
    expect(table.align).toEqual(['left', 'center', 'right']);
    expect(table.rows).toEqual([
      [[{ type: 'text', text: '甲方' }], [{ type: 'text', text: '金额 | 大写' }], [{ type: 'text', text: '备注' }]],
      [
        [{ type: 'field', key: 'buyer' }],
        [{ type: 'field', key: 'amount', filter: 'rmb_upper' }],
        [{ type: 'text', text: '签字' }, { type: 'break' }, { type: 'text', text: '盖章' }],
      ],
      [[{ type: 'text', text: '只有一格' }], [], []],
    ]);
  });

  it('reads an ordered list as clauses: nesting by indentation, typed numbers ignored, paragraphs after the first', () => {
    const [first, second] = clauses(
      '1. 第一条 {#one}\n\n   第一条的第二段。\n\n   1. 子条款 {#one-a}\n   5. 另一子条款 {#one-b}\n      1. 孙条款 {#one-b-i}\n7. 第二条 {#two}\n',
    );
    expect(first).toEqual({
      id: 'one',
      content: [{ type: 'text', text: '第一条' }],
      paragraphs: [[{ type: 'text', text: '第一条的第二段。' }]],
      children: [
        { id: 'one-a', content: [{ type: 'text', text: '子条款' }], paragraphs: [], children: [] },
        {
          id: 'one-b',
          content: [{ type: 'text', text: '另一子条款' }],
          paragraphs: [],
          children: [{ id: 'one-b-i', content: [{ type: 'text', text: '孙条款' }], paragraphs: [], children: [] }],
        },
      ],
    });
    expect(second?.id).toBe('two');
  });

  it('starts a new clause list block where the list delimiter changes', () => {
    const t = parse('1. a {#a}\n\n1) b {#b}\n');
    expect(t.body.map((b) => b.type)).toEqual(['clauses', 'clauses']);
  });

  it('reads a clause with no text before its sub-clauses', () => {
    const [clause] = clauses('1. {#parent}\n   1. child {#child}\n');
    expect(clause?.content).toEqual([]);
    expect(clause?.children[0]?.id).toBe('child');
  });
});

describe('parseTemplate: attributes', () => {
  it.each([
    ['{#pay}', { id: 'pay' }],
    ['{#pay if=has_deposit}', { id: 'pay', condition: { kind: 'if', field: 'has_deposit' } }],
    ['{#pay unless=has_deposit}', { id: 'pay', condition: { kind: 'unless', field: 'has_deposit' } }],
    [
      '{#pay if=pay_mode=installments}',
      { id: 'pay', condition: { kind: 'if', field: 'pay_mode', equals: 'installments' } },
    ],
    [
      '{#pay if="pay_mode=分期 付款"}',
      { id: 'pay', condition: { kind: 'if', field: 'pay_mode', equals: '分期 付款' } },
    ],
    [
      '{#pay if=pay_mode="分期 付款"}',
      { id: 'pay', condition: { kind: 'if', field: 'pay_mode', equals: '分期 付款' } },
    ],
    ['{ if=has_deposit   #pay }', { id: 'pay', condition: { kind: 'if', field: 'has_deposit' } }],
  ])('reads %s', (attributes, expected) => {
    const [clause] = clauses(`1. 付款 ${attributes}\n`);
    expect(clause?.content).toEqual([{ type: 'text', text: '付款' }]);
    expect({ id: clause?.id, ...(clause?.condition ? { condition: clause.condition } : {}) }).toEqual(expected);
  });

  it('reads a condition without an id and generates the id', () => {
    const [clause] = clauses('1. 付款 {unless=has_deposit}\n');
    expect(clause?.condition).toEqual({ kind: 'unless', field: 'has_deposit' });
    expect(clause?.id).toMatch(/^c[0-9a-z]{8}$/);
  });

  it('takes attributes from the end of the first line of a wrapped paragraph', () => {
    const [clause] = clauses('1. Party A shall pay {#pay}\n   within ten days.\n');
    expect(clause?.id).toBe('pay');
    expect(clause?.content).toEqual([{ type: 'text', text: 'Party A shall pay within ten days.' }]);
  });

  it('takes attributes from before a hard break', () => {
    const [clause] = clauses('1. 第一行 {#x}\\\n   第二行\n');
    expect(clause?.id).toBe('x');
    expect(clause?.content).toEqual([
      { type: 'text', text: '第一行' },
      { type: 'break' },
      { type: 'text', text: '第二行' },
    ]);
  });
});

describe('parseTemplate: inlines', () => {
  it('reads fields with filters and spaces, and cross-references', () => {
    expect(content('支付{{ amount | rmb_upper }}，见[[#pay]]。\n\n1. x {#pay}')).toEqual([
      { type: 'text', text: '支付' },
      { type: 'field', key: 'amount', filter: 'rmb_upper' },
      { type: 'text', text: '，见' },
      { type: 'ref', target: 'pay' },
      { type: 'text', text: '。' },
    ]);
  });

  it('gives fields, references and text the marks of the emphasis around them', () => {
    expect(content('**金额{{amount}}** *见 [[#pay]]* ~~删除~~ ***两者***\n\n1. x {#pay}')).toEqual([
      { type: 'text', text: '金额', marks: ['bold'] },
      { type: 'field', key: 'amount', marks: ['bold'] },
      { type: 'text', text: ' ' },
      { type: 'text', text: '见 ', marks: ['italic'] },
      { type: 'ref', target: 'pay', marks: ['italic'] },
      { type: 'text', text: ' ' },
      { type: 'text', text: '删除', marks: ['strike'] },
      { type: 'text', text: ' ' },
      { type: 'text', text: '两者', marks: ['bold', 'italic'] },
    ]);
  });

  it('reads bold moved clear of the field braces, as the format guide advises', () => {
    expect(content('支付**人民币{{amount}}元**，')).toEqual([
      { type: 'text', text: '支付' },
      { type: 'text', text: '人民币', marks: ['bold'] },
      { type: 'field', key: 'amount', marks: ['bold'] },
      { type: 'text', text: '元', marks: ['bold'] },
      { type: 'text', text: '，' },
    ]);
  });

  it('reads hard breaks written as backslash, two spaces or <br>', () => {
    expect(content('a\\\nb  \nc<br>d')).toEqual([
      { type: 'text', text: 'a' },
      { type: 'break' },
      { type: 'text', text: 'b' },
      { type: 'break' },
      { type: 'text', text: 'c' },
      { type: 'break' },
      { type: 'text', text: 'd' },
    ]);
  });

  it('joins soft-wrapped lines with a space, or with nothing between Chinese characters', () => {
    expect(content('Party A\nshall pay 甲方\n应当支付')).toEqual([
      { type: 'text', text: 'Party A shall pay 甲方应当支付' },
    ]);
  });

  it('leaves escaped syntax as text', () => {
    expect(content('\\{{buyer}} \\[[#pay]] &#123;&#123;buyer}} \\*not bold\\* a\\_b')).toEqual([
      { type: 'text', text: '{{buyer}} [[#pay]] {{buyer}} *not bold* a_b' },
    ]);
  });

  it('keeps web addresses and e-mail addresses as plain text', () => {
    expect(content('见 www.example.com、https://example.com/a_b 或 legal@example.com')).toEqual([
      { type: 'text', text: '见 www.example.com、https://example.com/a_b 或 legal@example.com' },
    ]);
  });

  it('decodes character references', () => {
    expect(content('&copy; &amp; &#x4E2D;')).toEqual([{ type: 'text', text: '© & 中' }]);
  });
});

describe('parseTemplate: generated ids', () => {
  const source = `${FRONT}\n1. 付款\n1. 付款\n1. 交付 {#c00000000}\n   1. 见[[#ctaken000]]\n\n1) x {#ctaken000}\n`;

  it('gives clauses without an id a deterministic one', () => {
    const ids = (parseTemplate(source).body[0] as ClauseListBlock).clauses.map((c) => c.id);
    const again = (parseTemplate(source).body[0] as ClauseListBlock).clauses.map((c) => c.id);
    expect(ids).toEqual(again);
    expect(ids[0]).toMatch(/^c[0-9a-z]{8}$/);
  });

  it('adds a numeric suffix when two clauses hash alike, and never reuses an id written in the file', () => {
    const [first, second, third] = (parseTemplate(source).body[0] as ClauseListBlock).clauses;
    expect(second?.id).toBe(`${first?.id}-2`);
    expect(third?.id).toBe('c00000000');
    const all = JSON.stringify(parseTemplate(source).body).match(/"id":"[^"]+"/g) ?? [];
    expect(new Set(all).size).toBe(all.length);
  });
});
