import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffText } from './diffText.ts';
import { tokenize } from './tokenize.ts';

describe('tokenize', () => {
  it('splits Chinese into characters, English into words, and keeps fields and references whole', () => {
    expect(tokenize('甲方{{a|money}}付款 to pay [[#late]].')).toEqual([
      '甲',
      '方',
      '{{a|money}}',
      '付',
      '款',
      ' ',
      'to',
      ' ',
      'pay',
      ' ',
      '[[#late]]',
      '.',
    ]);
  });
});

describe('diffText', () => {
  it('folds a one-character island between a deletion and an insertion into one replacement', () => {
    expect(diffText('支付三十元', '支付十五元')).toEqual([
      { op: 'equal', text: '支付' },
      { op: 'delete', text: '三十' },
      { op: 'insert', text: '十五' },
      { op: 'equal', text: '元' },
    ]);
  });

  it('keeps pure insertions as insertions', () => {
    expect(diffText('甲方付款', '甲方按时付款')).toEqual([
      { op: 'equal', text: '甲方' },
      { op: 'insert', text: '按时' },
      { op: 'equal', text: '付款' },
    ]);
  });

  it('the kept and deleted runs spell the old text, the kept and inserted runs the new one', () => {
    const text = fc.string({ unit: fc.constantFrom(...'ab 甲乙。{}[]#|\n'.split(''), '{{x}}', '[[#y]]', 'word') });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const runs = diffText(a, b);
        expect(
          runs
            .filter((r) => r.op !== 'insert')
            .map((r) => r.text)
            .join(''),
        ).toBe(a);
        expect(
          runs
            .filter((r) => r.op !== 'delete')
            .map((r) => r.text)
            .join(''),
        ).toBe(b);
        expect(runs.every((r) => r.text.length > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('diffText on long rewrites', () => {
  it('gives up token diffing beyond the edit bound and reports one replacement', () => {
    const a = 'ab '.repeat(3000);
    const b = 'xy '.repeat(3000);
    expect(diffText(a, b)).toEqual([
      { op: 'delete', text: a },
      { op: 'insert', text: b },
    ]);
  });
});
