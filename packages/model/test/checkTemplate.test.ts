import { describe, expect, it } from 'vitest';
import { checkTemplate, closest } from '../src/index.ts';
import { clause, template } from './factories.ts';

describe('checkTemplate', () => {
  const fields = {
    amount: { label: '金额', type: 'money' as const },
    mode: { label: '方式', type: 'choice' as const, options: ['一次性', '分期'] },
  };

  it('accepts a sound template', () => {
    const t = template(
      [
        clause(
          'a',
          [{ type: 'field', key: 'amount', filter: 'rmb_upper' }],
          [clause('b', [{ type: 'ref', target: 'a' }])],
          { kind: 'if', field: 'mode', equals: '分期' },
        ),
      ],
      fields,
    );
    expect(checkTemplate(t)).toEqual([]);
  });

  it('finds every kind of mistake and points at the node', () => {
    const bad = clause('a', [
      { type: 'field', key: 'amout' },
      { type: 'field', key: 'amount', filter: 'rmb_uper' },
      { type: 'field', key: 'amount', filter: 'date_cn' },
      { type: 'ref', target: 'nope' },
    ]);
    const t = template(
      [
        bad,
        clause('a', 'dup'),
        clause('9x', 'bad id'),
        clause('c', 'c', [], { kind: 'if', field: 'mode', equals: '月付' }),
        clause('d', 'd', [], { kind: 'unless', field: 'ghost' }),
      ],
      fields,
    );
    const issues = checkTemplate(t);
    expect(issues.map((i) => [i.code, i.message])).toEqual([
      ['duplicate-id', 'duplicate clause id "a"'],
      ['bad-id', 'clause id "9x" must start with a letter and use only letters, digits, - and _'],
      ['condition-value', '"月付" is not an option of field "mode" (一次性, 分期)'],
      ['condition-field', 'condition names unknown field "ghost"'],
      ['unknown-field', 'unknown field "amout" (did you mean "amount"?)'],
      ['unknown-filter', 'unknown filter "rmb_uper" (did you mean "rmb_upper"?)'],
      ['filter-type', 'filter "date_cn" does not apply to money field "amount" (it takes date)'],
      ['broken-ref', 'reference to unknown clause "#nope"'],
    ]);
    expect(issues[4]?.node).toBe(bad.content[0]);
  });

  it('refuses clauses nested deeper than the scheme has levels', () => {
    let deep = clause('l10', 'x');
    for (let i = 9; i >= 1; i--) deep = clause(`l${i}`, 'x', [deep]);
    expect(checkTemplate(template([deep])).map((i) => i.code)).toEqual(['too-deep']);
  });
});

describe('closest', () => {
  it('suggests near misses but not unrelated short words', () => {
    expect(closest('amout', ['amount', 'start'])).toBe('amount');
    expect(closest('rmb_uper', ['money', 'rmb_upper'])).toBe('rmb_upper');
    expect(closest('fr', ['zh-CN', 'en'])).toBeUndefined();
    expect(closest('ghost', ['amount', 'mode'])).toBeUndefined();
  });
});
