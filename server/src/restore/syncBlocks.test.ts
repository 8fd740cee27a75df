import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Block, clauseEnd, syncBlocks } from './syncBlocks.ts';

const clause = (id: string, level: number, text: string) => {
  const el = new Y.XmlElement('clause');
  el.setAttribute('id', id);
  el.setAttribute('level', level as unknown as string);
  el.insert(0, [new Y.XmlText(text)]);
  return el;
};

function bodyOf(...blocks: Y.XmlElement[]): Y.XmlFragment {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment('body');
  body.insert(0, blocks);
  return body;
}

describe('syncBlocks', () => {
  it('keeps the blocks that are already equal (same Yjs items) and replaces only the others', () => {
    const target = bodyOf(clause('a', 1, 'A'), clause('b', 1, 'B'), clause('c', 1, 'C'), clause('d', 1, 'D'));
    const source = bodyOf(clause('a', 1, 'A'), clause('x', 1, 'X'), clause('c', 1, 'C'), clause('b', 1, 'B'));
    const [a, , c] = target.toArray();
    const end = syncBlocks(target, 0, target.length, source.toArray() as Block[]);
    expect(end).toBe(4);
    expect(target.toString()).toBe(source.toString());
    expect(target.get(0)).toBe(a);
    expect(target.get(2)).toBe(c);
  });

  it('syncs only the given range', () => {
    const target = bodyOf(clause('a', 1, 'A'), clause('b', 1, 'B'), clause('c', 1, 'C'));
    const source = bodyOf(clause('y', 1, 'Y'), clause('z', 2, 'Z'));
    const [a, , c] = target.toArray();
    expect(syncBlocks(target, 1, 2, source.toArray() as Block[])).toBe(3);
    expect(target.toArray().map((b) => (b as Y.XmlElement).getAttribute('id'))).toEqual(['a', 'y', 'z', 'c']);
    expect(target.get(0)).toBe(a);
    expect(target.get(3)).toBe(c);
  });
});

describe('clauseEnd', () => {
  it('takes the following deeper clauses and clause paragraphs, up to a clause of the same or a lower level', () => {
    const para = new Y.XmlElement('clauseParagraph');
    const body = bodyOf(clause('a', 1, 'A'), clause('b', 2, 'B'), para, clause('c', 3, 'C'), clause('d', 2, 'D'));
    const blocks = body.toArray() as Block[];
    expect(clauseEnd(blocks, 1)).toBe(4);
    expect(clauseEnd(blocks, 0)).toBe(5);
    expect(clauseEnd(blocks, 4)).toBe(5);
  });
});
