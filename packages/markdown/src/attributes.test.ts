import { describe, expect, it } from 'vitest';
import { formatAttributes, looksLikeAttributes, parseAttributes } from './attributes.ts';

const plain = () => false;

function parse(text: string) {
  return parseAttributes(text, 0, text.length, plain);
}

describe('looksLikeAttributes', () => {
  it.each(['{#a}', '{ #a}', '{if=x}', '{unles=x}', '{foo = 1}'])('treats %s as meant for attributes', (text) => {
    expect(looksLikeAttributes(text, 0)).toBe(true);
  });

  it.each(['{a, b}', '{ }', '{1=2}', '{中文}'])('leaves %s as text', (text) => {
    expect(looksLikeAttributes(text, 0)).toBe(false);
  });
});

describe('parseAttributes', () => {
  it('reads an id, a condition and where each starts', () => {
    expect(parse('{#pay if=mode=分期}')).toEqual({
      ok: true,
      attributes: {
        id: 'pay',
        idAt: 2,
        condition: { kind: 'if', field: 'mode', equals: '分期' },
        conditionAt: 6,
        end: 17,
      },
    });
  });

  it('reads both quoted forms, with escaped quotes inside', () => {
    const escaped = new Set([14]);
    const text = '{if="mode=a }b"c"}';
    expect(parseAttributes(text, 0, text.length, (i) => escaped.has(i))).toMatchObject({
      ok: true,
      attributes: { condition: { kind: 'if', field: 'mode', equals: 'a }b"c' } },
    });
    expect(parse('{unless=mode=""}')).toMatchObject({
      attributes: { condition: { kind: 'unless', field: 'mode', equals: '' } },
    });
  });

  it('stops at an escaped closing brace only when it is not escaped', () => {
    const text = '{#a}b}';
    expect(parseAttributes(text, 0, text.length, (i) => i === 3)).toMatchObject({
      ok: true,
      attributes: { id: 'a}b' },
    });
  });

  it.each([
    ['{#a', 'missing "}"', 0],
    ['{#}', '"#" needs a clause id, e.g. {#payment}', 1],
    ['{#a #b}', 'a clause has only one id', 4],
    ['{if=a unless=b}', 'a clause takes only one condition (if= or unless=)', 6],
    ['{when=a}', 'unknown attribute "when"; a clause takes {#id}, if=key, unless=key or if=key=value', 1],
    ['{if =a}', 'expected "=" right after "if"', 3],
    ['{if=}', '"if=" needs a field key', 4],
    ['{if=a=}', '"if=a=" needs a value (write "" for an empty one)', 6],
    ['{if="a=b}', 'unclosed quote', 4],
    ['{if="=b"}', '"if=" needs a field key, as in if="key=value"', 5],
    ['{if=a,b}', 'unexpected ","', 5],
  ])('rejects %s', (text, message, at) => {
    expect(parse(text)).toEqual({ ok: false, message, at });
  });
});

describe('formatAttributes', () => {
  it.each([
    [['pay', undefined], '{#pay}'],
    [['pay', { kind: 'if', field: 'has_deposit' }], '{#pay if=has_deposit}'],
    [['pay', { kind: 'unless', field: 'mode', equals: 'installments' }], '{#pay unless=mode=installments}'],
    [['pay', { kind: 'if', field: 'mode', equals: '分期 付款' }], '{#pay if="mode=分期 付款"}'],
    [['pay', { kind: 'if', field: 'mode', equals: 'say "hi" {x}' }], '{#pay if="mode=say \\"hi\\" \\{x}"}'],
    [['pay', { kind: 'if', field: 'mode', equals: '' }], '{#pay if="mode="}'],
    [['_pay_', { kind: 'if', field: '_mode' }], '{#\\_pay\\_ if=\\_mode}'],
  ] as const)('writes %j as %s', ([id, condition], expected) => {
    expect(formatAttributes(id, condition)).toBe(expected);
  });
});
