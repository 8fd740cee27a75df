import { describe, expect, it } from 'vitest';
import { moneyHint } from './moneyHint.ts';

describe('moneyHint', () => {
  const cny = { label: '金额', type: 'money' as const };

  it('shows the formatted amount and 人民币大写 for a CNY amount', () => {
    expect(moneyHint(cny, '12800')).toEqual({ formatted: '12,800.00', upper: '壹万贰仟捌佰元整' });
    expect(moneyHint(cny, '1680.32')).toMatchObject({ upper: '壹仟陆佰捌拾元叁角贰分' });
  });

  it('has no 大写 for another currency', () => {
    expect(moneyHint({ ...cny, currency: 'USD' }, '12800')).toEqual({ formatted: '12,800.00' });
  });

  it('is null while the amount is blank or invalid', () => {
    expect(moneyHint(cny, undefined)).toBeNull();
    expect(moneyHint(cny, '12.8.0')).toBeNull();
    expect(moneyHint(cny, '-5')).toBeNull();
  });
});
