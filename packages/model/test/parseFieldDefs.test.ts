import { describe, expect, it } from 'vitest';
import { parseFieldDefs } from '../src/index.ts';

describe('parseFieldDefs', () => {
  it('accepts every field type with its keys', () => {
    const { fields, issues } = parseFieldDefs({
      amount: { label: '金额', type: 'money', required: true, default: '100.5', help: '含税', currency: 'CNY' },
      mode: { label: '方式', type: 'choice', options: ['a', 'b'], default: 'a' },
      start: { label: '开始', type: 'date' },
    });
    expect(issues).toEqual([]);
    expect(fields.amount).toEqual({
      label: '金额',
      type: 'money',
      required: true,
      default: '100.5',
      help: '含税',
      currency: 'CNY',
    });
    expect(Object.keys(fields)).toEqual(['amount', 'mode', 'start']);
  });

  it.each([
    [{ a: { type: 'text' } }, ['a', 'label'], 'field "a" needs label'],
    [{ a: { label: 'A', type: 'txt' } }, ['a', 'type'], 'type must be one of text, multiline'],
    [{ a: { label: 'A', type: 'choice' } }, ['a', 'options'], 'a choice field needs options'],
    [{ a: { label: 'A', type: 'text', options: ['x'] } }, ['a', 'options'], 'options only apply to choice fields'],
    [
      { a: { label: 'A', type: 'date', default: '2026-13-01' } },
      ['a', 'default'],
      'default expected a date as YYYY-MM-DD',
    ],
    [{ a: { label: 'A', type: 'text', colour: 'red' } }, ['a'], 'unknown key "colour" in field "a"'],
    [{ '1a': { label: 'A', type: 'text' } }, ['1a'], 'field key "1a" must be letters'],
  ])('reports %j at its path', (raw, path, message) => {
    const { issues } = parseFieldDefs(raw);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual(path);
    expect(issues[0]?.message).toContain(message);
  });
});
