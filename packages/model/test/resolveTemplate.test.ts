import { describe, expect, it } from 'vitest';
import type { ResolvedClause, ResolvedDocument, ResolvedInline } from '../src/index.ts';
import { resolveTemplate } from '../src/index.ts';
import { clause, template } from './factories.ts';

function clausesOf(doc: ResolvedDocument): ResolvedClause[] {
  const out: ResolvedClause[] = [];
  const walk = (list: ResolvedClause[]) => {
    for (const c of list) {
      out.push(c);
      walk(c.children);
    }
  };
  for (const b of doc.blocks) if (b.type === 'clauses') walk(b.clauses);
  return out;
}

function labels(doc: ResolvedDocument): Record<string, string> {
  return Object.fromEntries(clausesOf(doc).map((c) => [c.id, c.label]));
}

function find(doc: ResolvedDocument, id: string): ResolvedClause {
  const c = clausesOf(doc).find((x) => x.id === id);
  if (!c) throw new Error(`no clause ${id}`);
  return c;
}

const conditional = template(
  [
    clause('intro', '总则'),
    clause('deposit', '定金', [clause('deposit-amount', '定金金额')], { kind: 'if', field: 'has_deposit' }),
    clause(
      'pay',
      [
        { type: 'text', text: '付款，见' },
        { type: 'ref', target: 'breach-2' },
      ],
      [
        clause('pay-1', '一次付清', [], { kind: 'if', field: 'mode', equals: '一次性' }),
        clause('pay-2', '分期', [], { kind: 'unless', field: 'mode', equals: '一次性' }),
      ],
    ),
    clause('breach', '违约', [
      clause('breach-1', '甲方违约'),
      clause('breach-2', [
        { type: 'text', text: '参照' },
        { type: 'ref', target: 'deposit' },
      ]),
    ]),
  ],
  {
    has_deposit: { label: '是否有定金', type: 'boolean', default: false },
    mode: { label: '付款方式', type: 'choice', options: ['一次性', '分期'], required: true },
  },
);

describe('conditions', () => {
  it('keeps an if= clause when the boolean is true, with its children', () => {
    const doc = resolveTemplate(conditional, { has_deposit: true, mode: '分期' });
    expect(labels(doc)).toMatchObject({
      intro: '第一条',
      deposit: '第二条',
      'deposit-amount': '2-1',
      pay: '第三条',
      'pay-2': '3-1',
      breach: '第四条',
      'breach-2': '4-2',
    });
    expect(labels(doc)).not.toHaveProperty('pay-1');
  });

  it('omits a clause and its children when false, and the numbering closes the gap', () => {
    const doc = resolveTemplate(conditional, { has_deposit: false, mode: '一次性' });
    expect(labels(doc)).toEqual({
      intro: '第一条',
      pay: '第二条',
      'pay-1': '2-1',
      breach: '第三条',
      'breach-1': '3-1',
      'breach-2': '3-2',
    });
  });

  it('treats a missing value as falsy and uses defaults', () => {
    const doc = resolveTemplate(conditional, {});
    expect(labels(doc)).not.toHaveProperty('deposit');
    expect(labels(doc)).toHaveProperty('pay-2');
  });
});

describe('cross-references', () => {
  it('print the current label of the target, following renumbering', () => {
    const withDeposit = resolveTemplate(conditional, { has_deposit: true, mode: '分期' });
    const ref = find(withDeposit, 'pay').content[1] as ResolvedInline & { type: 'ref' };
    expect(ref.text).toBe('4-2');
    const without = resolveTemplate(conditional, { has_deposit: false, mode: '分期' });
    expect((find(without, 'pay').content[1] as ResolvedInline & { type: 'ref' }).text).toBe('3-2');
  });

  it('report a reference to an omitted clause and leave its text null', () => {
    const doc = resolveTemplate(conditional, { has_deposit: false, mode: '分期' }, { mode: 'strict' });
    const ref = find(doc, 'breach-2').content[1] as ResolvedInline & { type: 'ref' };
    expect(ref.text).toBeNull();
    expect(doc.problems).toContainEqual(expect.objectContaining({ code: 'omitted-ref', clause: 'breach-2' }));
  });

  it('report a reference to a clause that does not exist', () => {
    const t = template([clause('a', [{ type: 'ref', target: 'ghost' }])]);
    const doc = resolveTemplate(t, {});
    expect(doc.problems).toEqual([
      expect.objectContaining({ code: 'broken-ref', message: expect.stringContaining('#ghost') }),
    ]);
  });
});

describe('field values', () => {
  const t = template(
    [
      clause('a', [
        { type: 'text', text: '金额' },
        { type: 'field', key: 'amount' },
        { type: 'text', text: '（大写：' },
        { type: 'field', key: 'amount', filter: 'rmb_upper' },
        { type: 'text', text: '）' },
        { type: 'field', key: 'start' },
      ]),
    ],
    {
      amount: { label: '合同金额', type: 'money', required: true },
      start: { label: '开始日期', type: 'date' },
      unused: { label: '未用', type: 'text', required: true },
    },
  );

  it('print through their filter or the default view of the type', () => {
    const doc = resolveTemplate(t, { amount: 12800, start: '2026-11-26', unused: 'x' });
    const texts = find(doc, 'a').content.map((i) => (i.type === 'value' ? i.text : null));
    expect(texts).toEqual([null, '12,800.00', null, '壹万贰仟捌佰元整', null, '2026年11月26日']);
    expect(doc.problems).toEqual([]);
  });

  it('print dates in English in an en template', () => {
    const en = { ...t, meta: { ...t.meta, locale: 'en' as const } };
    const doc = resolveTemplate(en, { amount: '1680.32', start: '2026-11-26' });
    expect(find(doc, 'a').content[5]).toMatchObject({ type: 'value', text: 'November 26, 2026' });
  });

  it('report every missing required value and every invalid value, naming the field', () => {
    const doc = resolveTemplate(t, { start: '2026-02-30' }, { mode: 'strict' });
    expect(doc.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'missing-value',
          field: 'amount',
          message: 'field "amount" (合同金额) is required',
        }),
        expect.objectContaining({
          code: 'invalid-value',
          field: 'start',
          message: expect.stringContaining('YYYY-MM-DD'),
        }),
      ]),
    );
    // "unused" is required but appears nowhere in the document, so nothing asks for it.
    expect(doc.problems.map((p) => p.field)).not.toContain('unused');
    expect(find(doc, 'a').content[1]).toMatchObject({ type: 'value', text: null });
  });

  it('does not require a value used only inside an omitted clause', () => {
    const c = template([clause('a', [{ type: 'field', key: 'fee' }], [], { kind: 'if', field: 'on' })], {
      on: { label: 'on', type: 'boolean' },
      fee: { label: '费用', type: 'money', required: true },
    });
    expect(resolveTemplate(c, { on: false }).problems).toEqual([]);
    expect(resolveTemplate(c, { on: true }).problems).toEqual([
      expect.objectContaining({ code: 'missing-value', field: 'fee' }),
    ]);
  });
});
