import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './parseMarkdown.ts';

/** A tree as [type, start offset, value or children], to compare shapes and positions at a glance. */
type Brief = [string, number | undefined, (string | Brief[])?];

function brief(node: Nodes): Brief {
  const start = node.position?.start.offset;
  if ('children' in node) return [node.type, start, node.children.map((child) => brief(child as Nodes))];
  if ('value' in node) return [node.type, start, node.value];
  return [node.type, start];
}

function blocks(markdown: string): Brief[] {
  return (brief(parseMarkdown(markdown) as Root)[2] ?? []) as Brief[];
}

describe('parseMarkdown', () => {
  it('keeps web and e-mail addresses as text, with positions, instead of GFM literal autolinks', () => {
    const [paragraph] = parseMarkdown('www.example.com a@b.cn https://x.cn/a\\_b').children;
    expect(paragraph).toMatchObject({
      type: 'paragraph',
      children: [
        { type: 'text', value: 'www.example.com a@b.cn https://x.cn/a_b', position: { start: { offset: 0 } } },
      ],
    });
  });

  it('still reads GFM tables and strikethrough', () => {
    const root = parseMarkdown('~~x~~\n\n| a |\n| - |\n');
    expect(root.children.map((c) => c.type)).toEqual(['paragraph', 'table']);
    expect(root.children[0]).toMatchObject({ children: [{ type: 'delete' }] });
  });

  it('gives text nodes the source span of their escapes, entities, breaks and continuation lines', () => {
    const source = '1. a \\* &amp; b\n   c  \n   d\te\t\n   f';
    const [list] = parseMarkdown(source).children;
    const paragraph = list?.type === 'list' ? list.children[0]?.children[0] : undefined;
    expect(paragraph && brief(paragraph)).toEqual([
      'paragraph',
      3,
      [
        ['text', 3, 'a * & b\nc'],
        ['break', 20],
        ['text', 26, 'd\te\nf'],
      ],
    ]);
    const [first, , last] = paragraph?.type === 'paragraph' ? paragraph.children : [];
    expect(first?.position?.end.offset).toBe(source.indexOf('c') + 1);
    expect(last?.position?.end.offset).toBe(source.length);
  });

  it('pairs emphasis and strikethrough as remark (micromark) did', () => {
    expect(blocks('*a***a*b***')).toEqual([
      [
        'paragraph',
        0,
        [
          ['emphasis', 0, [['text', 1, 'a']]],
          [
            'strong',
            3,
            [
              ['text', 5, 'a'],
              ['emphasis', 6, [['text', 7, 'b']]],
            ],
          ],
        ],
      ],
    ]);
    expect(blocks('~a~ ~~b~~ ~~~c~~~')).toEqual([
      [
        'paragraph',
        0,
        [
          ['delete', 0, [['text', 1, 'a']]],
          ['text', 3, ' '],
          ['delete', 4, [['text', 6, 'b']]],
          ['text', 9, ' ~~~c~~~'],
        ],
      ],
    ]);
  });

  it('splits table rows the GFM way: \\| is a pipe, \\\\| a backslash and a border', () => {
    const [table] = parseMarkdown('| a \\| b | c\\\\| d |\n| - | - | :-: |\n').children;
    const cells = table?.type === 'table' ? table.children[0]?.children : undefined;
    expect(cells?.map((cell) => brief(cell)[2])).toEqual([
      [['text', 2, 'a | b']],
      [['text', 11, 'c\\']],
      [['text', 16, 'd']],
    ]);
    expect(table).toMatchObject({ align: [null, null, 'center'] });
  });

  it('keeps U+3000 at the ends of a paragraph, a heading and a cell as text', () => {
    expect(blocks('\u3000x\u3000')).toEqual([['paragraph', 0, [['text', 0, '\u3000x\u3000']]]]);
    expect(blocks('# x\u3000')).toEqual([['heading', 0, [['text', 2, 'x\u3000']]]]);
    expect(blocks('\u3000| a |\n| - |\n')).toEqual([['paragraph', 0, [['text', 0, '\u3000| a |\n| - |']]]]);
  });

  it('reads line ends as remark did: a tab before one is no hard break, a backslash before a space is text', () => {
    expect(blocks('a \t\nb')).toEqual([['paragraph', 0, [['text', 0, 'a\nb']]]]);
    expect(blocks('a\\  \nb')).toEqual([
      [
        'paragraph',
        0,
        [
          ['text', 0, 'a\\'],
          ['break', 2],
          ['text', 5, 'b'],
        ],
      ],
    ]);
  });

  it('marks task items, footnotes and link definitions, which Clause Markdown reports', () => {
    expect(parseMarkdown('1. [ ] todo').children[0]).toMatchObject({
      children: [{ checked: false, children: [{ children: [{ type: 'text', value: 'todo' }] }] }],
    });
    const root = parseMarkdown('a[^1]\n\n[^1]: x\n\n[l]: /x');
    expect(root.children.map((node) => [node.type, node.position?.start.offset])).toEqual([
      ['paragraph', 0],
      ['footnoteDefinition', 7],
      ['definition', 16],
    ]);
    expect(root.children[0]).toMatchObject({ children: [{ type: 'text' }, { type: 'footnoteReference' }] });
  });

  it('starts code and HTML blocks at their line, other blocks at their first character', () => {
    expect(blocks('    code\n\n  <div>\n\n  ---\n\n  # h')).toEqual([
      ['code', 0, 'code'],
      ['html', 10, '  <div>'],
      ['thematicBreak', 21],
      ['heading', 28, [['text', 30, 'h']]],
    ]);
  });
});
