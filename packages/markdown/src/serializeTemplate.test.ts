import type { Block, Clause, Inline, Template } from '@clausewright/model';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from './parseTemplate.ts';
import { serializeTemplate } from './serializeTemplate.ts';

const meta: Template['meta'] = {
  schemaVersion: 1,
  id: 'demo',
  title: '示例合同',
  locale: 'zh-CN',
  numbering: 'zh-article',
};

function template(body: Block[], fields: Template['fields'] = {}): Template {
  return { meta, fields, body };
}

function text(t: string, ...marks: ('bold' | 'italic' | 'strike')[]): Inline {
  return marks.length > 0 ? { type: 'text', text: t, marks } : { type: 'text', text: t };
}

function clause(id: string, content: Inline[], extra: Partial<Clause> = {}): Clause {
  return { id, content, paragraphs: [], children: [], ...extra };
}

/** The body as written, after the front matter and its blank line. */
function body(blocks: Block[], fields: Template['fields'] = {}): string {
  return serializeTemplate(template(blocks, fields)).split('---\n\n')[1] ?? '';
}

describe('serializeTemplate', () => {
  it('writes front matter in a stable key order, leaving out what is absent', () => {
    const out = serializeTemplate(
      template([], {
        amount: { currency: 'CNY', type: 'money', label: '金额', required: true, default: '1680.32' },
        mode: { label: '付款方式', type: 'choice', options: ['一次性', '分期'], help: '选一种' },
      }),
    );
    expect(out).toBe(`---
schemaVersion: 1
id: demo
title: 示例合同
locale: zh-CN
numbering: zh-article
fields:
  amount:
    label: 金额
    type: money
    required: true
    default: "1680.32"
    currency: CNY
  mode:
    label: 付款方式
    type: choice
    help: 选一种
    options:
      - 一次性
      - 分期
---
`);
  });

  it('writes blocks apart, clauses as "1." with three-space indentation and every id as {#id}', () => {
    const blocks: Block[] = [
      { type: 'heading', level: 1, content: [text('买卖合同')] },
      { type: 'paragraph', content: [text('甲方：'), { type: 'field', key: 'buyer' }] },
      {
        type: 'clauses',
        clauses: [
          clause('total', [text('价款为'), { type: 'field', key: 'amount', filter: 'rmb_upper' }, text('。')], {
            children: [
              clause('pay', [text('分期付款')], {
                condition: { kind: 'if', field: 'mode', equals: '分期 付款' },
                paragraphs: [[text('第二段，见'), { type: 'ref', target: 'total' }, text('。')]],
              }),
              clause('deposit', [text('定金')], { condition: { kind: 'unless', field: 'no_deposit' } }),
            ],
          }),
          clause('end', [text('生效')]),
        ],
      },
      {
        type: 'table',
        align: ['left', null],
        rows: [
          [[text('甲方')], [text('乙方')]],
          [[{ type: 'field', key: 'amount', filter: 'money' }], [text('签字'), { type: 'break' }, text('盖章')]],
        ],
      },
    ];
    expect(body(blocks)).toBe(`# 买卖合同

甲方：{{buyer}}

1. 价款为{{amount|rmb_upper}}。 {#total}
   1. 分期付款 {#pay if="mode=分期 付款"}

      第二段，见[[#total]]。

   1. 定金 {#deposit unless=no_deposit}

1. 生效 {#end}

| 甲方 | 乙方 |
| :-- | --- |
| {{amount\\|money}} | 签字<br>盖章 |
`);
  });

  it('escapes what would otherwise be Markdown or template syntax', () => {
    const blocks: Block[] = [
      {
        type: 'paragraph',
        content: [text('# not a heading *, _, [x](y), {{x}}, [[#y]], {#z}, a|b, <b>, &amp; \\ `c` ~s~')],
      },
      { type: 'paragraph', content: [text('1. not a list')] },
      { type: 'paragraph', content: [text('- not a bullet')] },
      { type: 'heading', level: 2, content: [text('Section #')] },
      { type: 'table', align: [null], rows: [[[text('a|b')]]] },
    ];
    expect(
      body(blocks),
    ).toBe(`\\# not a heading \\*, \\_, \\[x](y), \\{\\{x}}, \\[\\[#y]], \\{#z}, a\\|b, \\<b>, \\&amp; \\\\ \\\`c\\\` \\~s\\~

1\\. not a list

\\- not a bullet

## Section \\#

| a\\|b |
| --- |
`);
  });

  it('writes hard breaks as a backslash and an indented next line, or <br> where lines cannot break', () => {
    const lines = [text('一'), { type: 'break' } as Inline, text('二')];
    expect(
      body([
        { type: 'paragraph', content: lines },
        { type: 'heading', level: 3, content: lines },
        { type: 'clauses', clauses: [clause('a', [], { children: [clause('b', lines)] })] },
      ]),
    ).toBe('一\\\n二\n\n### 一<br>二\n\n1. {#a}\n   1. 一 {#b}\\\n      二\n');
  });

  it('writes marks, using a character reference where CommonMark would not pair the delimiters', () => {
    expect(body([{ type: 'paragraph', content: [text('甲方'), text('乙方', 'bold'), text('丙方', 'italic')] }])).toBe(
      '甲方**乙方***丙方*\n',
    );
    // `甲**“` cannot open and `”**后` cannot close: the characters outside become references.
    expect(body([{ type: 'paragraph', content: [text('甲'), text('“引号”', 'bold'), text('后面')] }])).toBe(
      '&#x7532;**“引号”**&#x540E;面\n',
    );
    expect(
      body([{ type: 'paragraph', content: [text('a '), text(' b ', 'bold', 'italic'), text('c', 'strike')] }]),
    ).toBe('a ***&#x20;b&#x20;***~~c~~\n');
  });

  it('separates two clause lists in a row by switching to "1)"', () => {
    const blocks: Block[] = [
      { type: 'clauses', clauses: [clause('a', [text('a')])] },
      { type: 'clauses', clauses: [clause('b', [text('b')])] },
      { type: 'clauses', clauses: [clause('c', [text('c')])] },
    ];
    expect(body(blocks)).toBe('1. a {#a}\n\n1) b {#b}\n\n1. c {#c}\n');
    expect(parseTemplate(serializeTemplate(template(blocks))).body).toEqual(blocks);
  });

  it('normalizes what Markdown cannot hold, so writing is idempotent', () => {
    const messy = template([
      { type: 'paragraph', content: [text('  lead '), text(''), text('and', 'italic', 'bold'), { type: 'break' }] },
      { type: 'paragraph', content: [text('   ')] },
      { type: 'clauses', clauses: [] },
    ]);
    const out = serializeTemplate(messy);
    expect(out.split('---\n\n')[1]).toBe('lead ***and***\n');
    expect(serializeTemplate(parseTemplate(out))).toBe(out);
  });

  it('writes a template with no body as front matter only', () => {
    expect(serializeTemplate(template([]))).toMatch(/^---\n[\s\S]*\n---\n$/);
  });
});
