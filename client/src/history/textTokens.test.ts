import { describe, expect, it } from 'vitest';
import { textTokens } from './textTokens.ts';

describe('textTokens', () => {
  it('keeps plain text whole', () => {
    expect(textTokens('甲方应付款。')).toEqual([{ kind: 'text', text: '甲方应付款。' }]);
    expect(textTokens('')).toEqual([]);
  });

  it('finds fields with and without a filter, and references, between text', () => {
    expect(textTokens('金额{{amount|rmb_upper}}元，见[[#late]]与{{party_a}}')).toEqual([
      { kind: 'text', text: '金额' },
      { kind: 'field', key: 'amount', filter: 'rmb_upper', raw: '{{amount|rmb_upper}}' },
      { kind: 'text', text: '元，见' },
      { kind: 'ref', target: 'late', raw: '[[#late]]' },
      { kind: 'text', text: '与' },
      { kind: 'field', key: 'party_a', filter: null, raw: '{{party_a}}' },
    ]);
  });

  it('leaves unbalanced braces as text', () => {
    expect(textTokens('a {{b c')).toEqual([{ kind: 'text', text: 'a {{b c' }]);
  });
});
