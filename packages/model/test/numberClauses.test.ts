import { describe, expect, it } from 'vitest';
import { numberClauses } from '../src/index.ts';
import { clause, flat } from './factories.ts';

const seedShape = [
  clause('a1', '合同期限', [clause('a1-1', 'x'), clause('a1-2', 'y')]),
  clause('a3', '双方', [
    clause('a3-1', '甲方', [clause('a3-1-1', 'p'), clause('a3-1-2', 'q')]),
    clause('a3-2', '乙方'),
  ]),
];

describe('numberClauses: zh-article', () => {
  it('labels levels as 第一条, 1-1 and 1-1-1', () => {
    const n = numberClauses(seedShape, 'zh-article');
    expect(n.get('a1')?.label).toBe('第一条');
    expect(n.get('a1-2')?.label).toBe('1-2');
    expect(n.get('a3')?.label).toBe('第二条');
    expect(n.get('a3-1-2')?.label).toBe('2-1-2');
    expect(n.get('a3-2')?.label).toBe('2-2');
    expect(n.get('a3-1-1')?.path).toEqual([2, 1, 1]);
    expect(n.get('a3-1-1')?.level).toBe(3);
  });

  it('counts articles in Chinese: 第十条, 第十一条, 第二十一条, 第一百零一条, 第一百一十条', () => {
    const n = numberClauses(flat(120), 'zh-article');
    expect(n.get('c10')?.label).toBe('第十条');
    expect(n.get('c11')?.label).toBe('第十一条');
    expect(n.get('c20')?.label).toBe('第二十条');
    expect(n.get('c21')?.label).toBe('第二十一条');
    expect(n.get('c100')?.label).toBe('第一百条');
    expect(n.get('c101')?.label).toBe('第一百零一条');
    expect(n.get('c110')?.label).toBe('第一百一十条');
  });

  it('prints level-2 numbers in Arabic under a Chinese article (Word isLgl)', () => {
    const n = numberClauses([...flat(10), clause('k', 'k', [clause('k1', 'k1')])], 'zh-article');
    expect(n.get('k1')?.label).toBe('11-1');
  });

  it('gives references the label without trailing punctuation', () => {
    const n = numberClauses(seedShape, 'zh-article');
    expect(n.get('a3')?.refLabel).toBe('第二条');
    expect(n.get('a3-1-1')?.refLabel).toBe('2-1-1');
  });
});

describe('numberClauses: decimal', () => {
  it('labels 1. / 1.1 / 1.1.1 and refers to 1 / 1.1', () => {
    const n = numberClauses(seedShape, 'decimal');
    expect(n.get('a1')?.label).toBe('1.');
    expect(n.get('a1')?.refLabel).toBe('1');
    expect(n.get('a1-2')?.label).toBe('1.2');
    expect(n.get('a3-1-2')?.label).toBe('2.1.2');
    expect(n.get('a3-1-2')?.refLabel).toBe('2.1.2');
  });
});

describe('numberClauses: legal-en', () => {
  it('labels Article 1 / Section 1.1 / (a) / (i)', () => {
    const deep = [
      clause('a', 'A', [
        clause('s', 'S', [
          clause('p1', 'p'),
          clause('p2', 'q', [clause('r1', 'r'), clause('r2', 'r'), clause('r3', 'r'), clause('r4', 'r')]),
        ]),
      ]),
    ];
    const n = numberClauses(deep, 'legal-en');
    expect(n.get('a')?.label).toBe('Article 1');
    expect(n.get('s')?.label).toBe('Section 1.1');
    expect(n.get('p2')?.label).toBe('(b)');
    expect(n.get('p2')?.refLabel).toBe('Section 1.1(b)');
    expect(n.get('r4')?.label).toBe('(iv)');
    expect(n.get('r4')?.refLabel).toBe('Section 1.1(b)(iv)');
  });

  it('continues letters past z the way Word does (aa, bb)', () => {
    const n = numberClauses([clause('a', 'A', [clause('s', 'S', flat(28, 'x'))])], 'legal-en');
    expect(n.get('x26')?.label).toBe('(z)');
    expect(n.get('x27')?.label).toBe('(aa)');
    expect(n.get('x28')?.label).toBe('(bb)');
  });
});

describe('numberClauses: general', () => {
  it('labels every clause exactly once, in document order', () => {
    const n = numberClauses(seedShape, 'zh-article');
    expect([...n.keys()]).toEqual(['a1', 'a1-1', 'a1-2', 'a3', 'a3-1', 'a3-1-1', 'a3-1-2', 'a3-2']);
  });

  it('is pure: the same tree gives the same labels twice', () => {
    expect(numberClauses(seedShape, 'zh-article')).toEqual(numberClauses(seedShape, 'zh-article'));
  });
});
