import { describe, expect, it } from 'vitest';
import { generateId } from './generateId.ts';
import { parseTemplate } from './parseTemplate.ts';
import { type SourceProblem, TemplateSyntaxError } from './TemplateSyntaxError.ts';

// Fourteen lines of front matter and a blank line: the body starts on line 16.
const FRONT = `---
schemaVersion: 1
id: demo
title: 示例
locale: zh-CN
numbering: zh-article
fields:
  amount:
    label: 金额
    type: money
  start:
    label: 开始日期
    type: date
---
`;

function problems(source: string, options: { file?: string; expectedId?: string } = {}): SourceProblem[] {
  try {
    parseTemplate(source, options);
  } catch (e) {
    if (e instanceof TemplateSyntaxError) return e.problems;
    throw e;
  }
  throw new Error('expected a TemplateSyntaxError');
}

/** Problems in a body that follows FRONT, as [line, column, message]. */
function bodyProblems(body: string): [number, number, string][] {
  return problems(`${FRONT}\n${body}`).map((p) => [p.line, p.column, p.message]);
}

function frontProblems(yaml: string, options: { expectedId?: string } = {}): [number, number, string][] {
  return problems(`---\n${yaml}---\n\nText\n`, options).map((p) => [p.line, p.column, p.message]);
}

const BASE = 'schemaVersion: 1\nid: demo\ntitle: T\nlocale: en\nnumbering: decimal\n';

describe('TemplateSyntaxError', () => {
  it('lists every problem as file:line:col: message, in source order', () => {
    let error: unknown;
    try {
      parseTemplate(`${FRONT}\n1. {{amout}} and [[#nowhere]] {#a}\n1. x {#a}\n`, {
        file: 'templates/demo/template.md',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateSyntaxError);
    expect((error as TemplateSyntaxError).message).toBe(
      [
        'templates/demo/template.md:16:4: unknown field "amout" (did you mean "amount"?)',
        'templates/demo/template.md:16:18: reference to unknown clause "#nowhere"',
        'templates/demo/template.md:17:8: duplicate clause id "a"',
      ].join('\n'),
    );
    expect((error as TemplateSyntaxError).problems[0]).toEqual({
      file: 'templates/demo/template.md',
      line: 16,
      column: 4,
      message: 'unknown field "amout" (did you mean "amount"?)',
    });
  });

  it('checks the body even when settings are wrong, but not against fields whose definitions failed', () => {
    const yaml = `${BASE.replace('locale: en', 'locale: fr')}fields:\n  a: { label: A, type: txt }\n  b: { label: B, type: text }\n`;
    expect(
      problems(`---\n${yaml}---\n\n{{a}} {{b|money}} {{c}}\n`).map((p) => [p.line, p.column, p.message.slice(0, 30)]),
    ).toEqual([
      [5, 9, 'unknown locale "fr"; use one o'],
      [8, 24, 'field "a": type must be one of'],
      [12, 11, 'filter "money" does not apply '],
      [12, 19, 'unknown field "c" (did you mea'],
    ]);
  });

  it('reports problems in the front matter and the body together', () => {
    const found = problems(`---\n${BASE.replace('title: T', 'title: ""')}---\n\n- a bullet\n`);
    expect(found.map((p) => [p.line, p.column])).toEqual([
      [4, 8],
      [9, 1],
    ]);
  });
});

describe('front-matter problems', () => {
  it('points at a YAML syntax error', () => {
    const [problem] = frontProblems(`${BASE}title: again\n`);
    expect(problem).toEqual([7, 1, 'YAML: Map keys must be unique']);
    const [unclosed] = frontProblems(`${BASE}fields: [1, 2\n`);
    expect(unclosed?.[0]).toBeGreaterThanOrEqual(7);
    expect(unclosed?.[2]).toMatch(/^YAML: Flow sequence/);
    const [alias] = frontProblems(`${BASE}<<: *nowhere\n`);
    expect(alias?.[2]).toMatch(/^YAML: .*alias/i);
  });

  it.each([
    ['missing title', BASE.replace('title: T\n', ''), [1, 1, 'missing "title"']],
    [
      'a bad locale, with a suggestion',
      BASE.replace('locale: en', 'locale: zh-cn'),
      [5, 9, 'unknown locale "zh-cn" (did you mean "zh-CN"?); use one of zh-CN, en'],
    ],
    [
      'a bad numbering scheme',
      BASE.replace('numbering: decimal', 'numbering: roman'),
      [6, 12, 'unknown numbering "roman"; use one of zh-article, decimal, legal-en'],
    ],
    [
      'a schema version from the future',
      BASE.replace('schemaVersion: 1', 'schemaVersion: 99'),
      [2, 16, 'schemaVersion 99 is newer than this Clausewright understands (1)'],
    ],
    [
      'an id that is not kebab-case',
      BASE.replace('id: demo', 'id: Demo_1'),
      [3, 5, 'id must be kebab-case: lowercase letters and digits joined by "-", e.g. sales-contract'],
    ],
    ['an unknown key', `${BASE}titel: x\n`, [7, 1, 'unknown front-matter key "titel" (did you mean "title"?)']],
  ])('reports %s at its node', (_, yaml, expected) => {
    expect(frontProblems(yaml)).toEqual([expected]);
  });

  it('reports an id that differs from the folder name', () => {
    expect(frontProblems(BASE, { expectedId: 'sales-contract' })).toEqual([
      [3, 5, 'id "demo" must equal the template\'s folder name "sales-contract"'],
    ]);
  });

  it('reports field definitions at the node at fault', () => {
    const yaml = `${BASE}fields:
  a:
    label: A
    type: monney
  b:
    label: B
    type: choice
  c:
    label: C
    type: integer
    default: ten
  9d:
    label: D
    type: text
`;
    const found = frontProblems(yaml);
    expect(found.map(([line, column]) => [line, column])).toEqual([
      [10, 11],
      [11, 3],
      [17, 14],
      [18, 3],
    ]);
    expect(found[0]?.[2]).toContain('type must be one of');
    expect(found[1]?.[2]).toContain('a choice field needs options');
    expect(found[2]?.[2]).toContain('default expected a whole number');
    expect(found[3]?.[2]).toContain('field key "9d"');
  });

  it('reports a file without front matter, or with front matter never closed', () => {
    expect(problems('# Title\n').map((p) => p.message)).toEqual([
      'missing front matter: a template starts with a "---" line, its YAML settings, and another "---" line',
    ]);
    expect(problems(`---\n${BASE}\n# Title\n`).map((p) => p.message)).toEqual([
      'front matter is not closed: end it with a "---" line',
    ]);
  });
});

describe('body problems (the body starts on line 16)', () => {
  it('reports unknown fields, unknown filters and filters of the wrong type at the field or filter', () => {
    expect(bodyProblems('金额{{amout}}，{{amount|rmb_uper}}，{{start | rmb_upper}}\n')).toEqual([
      [16, 3, 'unknown field "amout" (did you mean "amount"?)'],
      [16, 22, 'unknown filter "rmb_uper" (did you mean "rmb_upper"?)'],
      [16, 43, 'filter "rmb_upper" does not apply to date field "start" (it takes money, number, integer)'],
    ]);
  });

  it('reports duplicate ids at the second id, and broken references', () => {
    expect(bodyProblems('1. a {#pay}\n   1. b {#pay}\n1. see [[#pya]]\n')).toEqual([
      [17, 11, 'duplicate clause id "pay"'],
      [18, 8, 'reference to unknown clause "#pya" (did you mean "pay"?)'],
    ]);
  });

  it('reports bad ids and conditions on unknown fields or values', () => {
    expect(bodyProblems('1. a {#1st}\n1. b {if=amout}\n1. c {unless=amount=9}\n')).toEqual([
      [16, 8, 'clause id "1st" must start with a letter and use only letters, digits, - and _'],
      [17, 7, 'condition names unknown field "amout" (did you mean "amount"?)'],
    ]);
  });

  it.each([
    [
      '1. a {#x unles=amount}\n',
      [
        16,
        10,
        'bad attribute: unknown attribute "unles" (did you mean "unless"?); a clause takes {#id}, if=key, unless=key or if=key=value',
      ],
    ],
    [
      '1. a {#x if=amount unless=start}\n',
      [16, 20, 'bad attribute: a clause takes only one condition (if= or unless=)'],
    ],
    ['1. a {#x\n', [16, 6, 'bad attribute: missing "}"']],
    ['1. a {#x #y}\n', [16, 10, 'bad attribute: a clause has only one id']],
    ['1. a {if="amount=1}\n', [16, 10, 'bad attribute: unclosed quote']],
    ['1. a {#x} more\n', [16, 6, "bad attribute: attributes must come last on the clause's first line"]],
    ['1. a\n   b {#x}\n', [17, 6, "attributes ({#id}, {if=key}) belong at the end of a clause's first line"]],
    ['A paragraph {#x}\n', [16, 13, "attributes ({#id}, {if=key}) belong at the end of a clause's first line"]],
  ])('reports a bad attribute in %j', (body, expected) => {
    expect(bodyProblems(body)).toEqual([expected]);
  });

  it.each([
    ['- item\n', [16, 1, 'bullet lists are not supported: clauses are numbered lists ("1. ")']],
    [
      '```\ncode\n```\n',
      [16, 1, 'code blocks are not supported (lines indented 4+ spaces beyond their clause, or fenced with ```)'],
    ],
    ['> quote\n', [16, 1, 'block quotes (>) are not supported']],
    ['<div>x</div>\n', [16, 1, 'HTML is not supported']],
    ['---\n', [16, 1, 'horizontal rules (---, ***) are not supported']],
    ['see [link](https://x.cn)\n', [16, 5, 'links are not supported; refer to a clause with [[#clause-id]]']],
    ['see ![logo](x.png)\n', [16, 5, 'images are not supported']],
    ['see `code`\n', [16, 5, 'inline code (`…`) is not supported; write \\` for a literal backtick']],
    ['a <b>bold</b>\n', [16, 3, 'HTML is not supported (only <br> for a line break)']],
    [
      '1. a\n\n   | x |\n   | - |\n',
      [18, 4, 'tables cannot be inside a clause: end the clause list, then add the table'],
    ],
    ['1. a\n   # h\n', [17, 4, 'headings cannot be inside a clause']],
    ['1. a\n   - b\n', [17, 4, 'bullet lists are not supported: clauses are numbered lists ("1. ")']],
    ['note[^1]\n\n[^1]: x\n', [16, 5, 'footnotes are not supported']],
    ['1. [ ] todo\n', [16, 1, 'task list checkboxes are not supported; write \\[ ] for literal brackets']],
  ])('reports the unsupported construct in %j', (body, expected) => {
    expect(bodyProblems(body)[0]).toEqual(expected);
  });

  it('reports unclosed and malformed fields and references', () => {
    expect(bodyProblems('a {{amount b {{}} c {{a b}} d [[#x e [[# y]]\n')).toEqual([
      [16, 3, 'unclosed "{{": write a field as {{key}} or {{key|filter}}'],
      [16, 14, 'empty field "{{}}": write {{key}} or {{key|filter}}'],
      [16, 21, 'bad field "{{a b}}": write {{key}} or {{key|filter}}'],
      [16, 31, 'unclosed "[[#": write a cross-reference as [[#clause-id]]'],
      [16, 38, 'bad cross-reference "[[# y]]": write [[#clause-id]]'],
    ]);
  });

  it('reports ** that Markdown could not pair, a common slip next to Chinese punctuation', () => {
    const found = bodyProblems('支付**人民币{{amount}}**元\n');
    expect(found.map(([line, column]) => [line, column])).toEqual([
      [16, 3],
      [16, 18],
    ]);
    expect(found[1]?.[2]).toMatch(/^unpaired "\*\*": Markdown did not read it as bold/);
  });

  it('counts columns in the original line, after escapes and entities', () => {
    expect(bodyProblems('\\*\\*&amp;中文{{x}}\n')).toEqual([[16, 12, 'unknown field "x"']]);
  });

  it('reports a reference to an id that only a generated id could have matched', () => {
    const id = generateId([{ type: 'text', text: '付款' }], new Set());
    expect(bodyProblems(`1. 付款\n1. 见[[#${id}]]\n`)).toEqual([
      [17, 5, `reference to unknown clause "#${id}" (did you mean "${id}-2"?)`],
    ]);
  });
});
