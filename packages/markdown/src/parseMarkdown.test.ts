import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './parseMarkdown.ts';

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
});
