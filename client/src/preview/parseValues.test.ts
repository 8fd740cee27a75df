import { describe, expect, it } from 'vitest';
import { parseValues } from './parseValues.ts';

describe('parseValues', () => {
  it('reads a blank textarea as no values', () => {
    expect(parseValues('  \n')).toEqual({ ok: true, values: {} });
  });

  it('accepts a JSON object', () => {
    expect(parseValues('{"amount": 100}')).toEqual({ ok: true, values: { amount: 100 } });
  });

  it('refuses malformed JSON with the parser message', () => {
    const result = parseValues('{"amount": }');
    expect(result).toMatchObject({ ok: false, reason: 'syntax' });
  });

  it('refuses JSON that is not an object', () => {
    for (const text of ['[1]', '"x"', 'null', '3'])
      expect(parseValues(text)).toMatchObject({ ok: false, reason: 'notObject' });
  });
});
