import { eachBodyClause, type Template } from '@clausewright/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { templateArb } from '../../markdown/test/arbitraryTemplate.ts';
import { md } from '../test/md.ts';
import { diffTemplates } from './diffTemplates.ts';
import type { ClauseDiff, TemplateDiff } from './TemplateDiff.ts';

const BASE = `1. 总则 {#general}
   1. 甲方{{a}}应于三十日内支付{{b|rmb_upper}}。 {#pay}
   1. 乙方应按期交付。 {#deliver}
   1. 双方另行协商。 {#talk}
1. 违约责任 {#breach}
   1. 逾期付款的，按照[[#pay]]承担责任。 {#late}
1. 其他 {#other}`;

function clause(diff: TemplateDiff, id: string): ClauseDiff {
  const found = diff.clauses.find((c) => c.id === id);
  if (!found) throw new Error(`no clause ${id} in the diff`);
  return found;
}

function statuses(diff: TemplateDiff): Record<string, string> {
  return Object.fromEntries(diff.clauses.map((c) => [c.id, c.status]));
}

describe('diffTemplates: clause statuses', () => {
  it('reports an identical copy as identical, every clause unchanged with its label', () => {
    const diff = diffTemplates(md(BASE), md(BASE));
    expect(diff.identical).toBe(true);
    expect(diff.clauses.map((c) => c.status)).toEqual(Array(7).fill('unchanged'));
    expect(clause(diff, 'late').new?.label).toBe('2-1');
    expect(diff.summary).toMatchObject({ unchanged: 7, added: 0, removed: 0, fields: 0, meta: 0, blocks: 0 });
  });

  it('an added clause renumbers the clauses after it, which stay unmodified', () => {
    const next = BASE.replace('1. 违约责任 {#breach}', '1. 保密 {#secret}\n1. 违约责任 {#breach}');
    const diff = diffTemplates(md(BASE), md(next));
    expect(diff.identical).toBe(false);
    expect(clause(diff, 'secret')).toMatchObject({ status: 'added', new: { label: '第二条', parentId: null } });
    expect(clause(diff, 'breach')).toMatchObject({
      status: 'renumbered',
      modified: false,
      moved: false,
      old: { label: '第二条' },
      new: { label: '第三条' },
    });
    expect(clause(diff, 'late')).toMatchObject({ status: 'renumbered', old: { label: '2-1' }, new: { label: '3-1' } });
    expect(clause(diff, 'general').status).toBe('unchanged');
    // Merged order: the added clause sits where it was inserted.
    expect(diff.clauses.map((c) => c.id)).toEqual([
      'general',
      'pay',
      'deliver',
      'talk',
      'secret',
      'breach',
      'late',
      'other',
    ]);
  });

  it('a removed clause is listed where it stood, with its old label, and renumbers its later siblings', () => {
    const next = BASE.replace('   1. 乙方应按期交付。 {#deliver}\n', '');
    const diff = diffTemplates(md(BASE), md(next));
    expect(clause(diff, 'deliver')).toMatchObject({
      status: 'removed',
      old: { label: '1-2', text: '乙方应按期交付。' },
    });
    expect(clause(diff, 'deliver').new).toBeUndefined();
    expect(clause(diff, 'talk')).toMatchObject({ status: 'renumbered', old: { label: '1-3' }, new: { label: '1-2' } });
    expect(diff.clauses.map((c) => c.id)).toEqual(['general', 'pay', 'deliver', 'talk', 'breach', 'late', 'other']);
  });

  it('a text edit is modified (not renumbered), with a character-level inline diff for Chinese', () => {
    const next = BASE.replace('三十日', '十五日');
    const diff = diffTemplates(md(BASE), md(next));
    expect(statuses(diff)).toMatchObject({ pay: 'modified', deliver: 'unchanged', late: 'unchanged' });
    expect(clause(diff, 'pay').text).toEqual([
      { op: 'equal', text: '甲方{{a}}应于' },
      { op: 'delete', text: '三十' },
      { op: 'insert', text: '十五' },
      { op: 'equal', text: '日内支付{{b|rmb_upper}}。' },
    ]);
  });

  it('a clause moved to another parent is moved; the clauses it left are renumbered', () => {
    const next = `1. 总则 {#general}
   1. 甲方{{a}}应于三十日内支付{{b|rmb_upper}}。 {#pay}
   1. 双方另行协商。 {#talk}
1. 违约责任 {#breach}
   1. 逾期付款的，按照[[#pay]]承担责任。 {#late}
   1. 乙方应按期交付。 {#deliver}
1. 其他 {#other}`;
    const diff = diffTemplates(md(BASE), md(next));
    expect(clause(diff, 'deliver')).toMatchObject({
      status: 'moved',
      moved: true,
      modified: false,
      old: { label: '1-2', parentId: 'general' },
      new: { label: '2-2', parentId: 'breach' },
    });
    expect(clause(diff, 'talk').status).toBe('renumbered');
    expect(clause(diff, 'late').status).toBe('unchanged');
    expect(diff.summary).toMatchObject({ moved: 1, renumbered: 1, modified: 0 });
  });

  it('moving a clause among its siblings flags only that clause as moved', () => {
    const next = `1. 总则 {#general}
   1. 乙方应按期交付。 {#deliver}
   1. 双方另行协商。 {#talk}
   1. 甲方{{a}}应于三十日内支付{{b|rmb_upper}}。 {#pay}
1. 违约责任 {#breach}
   1. 逾期付款的，按照[[#pay]]承担责任。 {#late}
1. 其他 {#other}`;
    const diff = diffTemplates(md(BASE), md(next));
    expect(statuses(diff)).toEqual({
      general: 'unchanged',
      deliver: 'renumbered',
      talk: 'renumbered',
      pay: 'moved',
      breach: 'unchanged',
      late: 'unchanged',
      other: 'unchanged',
    });
    expect(clause(diff, 'pay')).toMatchObject({ old: { label: '1-1' }, new: { label: '1-3' }, renumbered: true });
  });

  it('a clause moved and edited is moved with modified set and an inline diff', () => {
    const next = `1. 总则 {#general}
   1. 乙方应按期交付。 {#deliver}
   1. 双方另行协商。 {#talk}
1. 违约责任 {#breach}
   1. 逾期付款的，按照[[#pay]]承担责任。 {#late}
   1. 甲方{{a}}应于十日内支付{{b|rmb_upper}}。 {#pay}
1. 其他 {#other}`;
    const diff = diffTemplates(md(BASE), md(next));
    const pay = clause(diff, 'pay');
    expect(pay).toMatchObject({ status: 'moved', moved: true, modified: true, new: { label: '2-2' } });
    expect(pay.text?.filter((t) => t.op !== 'equal')).toEqual([{ op: 'delete', text: '三' }]);
  });

  it('a changed field or reference inside the text shows as a whole token', () => {
    const next = BASE.replace('{{b|rmb_upper}}', '{{b|money}}').replace('[[#pay]]', '[[#deliver]]');
    const diff = diffTemplates(md(BASE), md(next));
    expect(clause(diff, 'pay').text).toContainEqual({ op: 'delete', text: '{{b|rmb_upper}}' });
    expect(clause(diff, 'pay').text).toContainEqual({ op: 'insert', text: '{{b|money}}' });
    expect(clause(diff, 'late').text).toContainEqual({ op: 'delete', text: '[[#pay]]' });
    expect(clause(diff, 'late').text).toContainEqual({ op: 'insert', text: '[[#deliver]]' });
  });

  it('bold added with the same words is modified, flagged as a formatting change', () => {
    const next = BASE.replace('乙方应按期交付。', '乙方应**按期**交付。');
    const d = clause(diffTemplates(md(BASE), md(next)), 'deliver');
    expect(d).toMatchObject({ status: 'modified', formattingChanged: true });
    expect(d.text).toBeUndefined();
  });

  it('a further paragraph is part of the clause text', () => {
    const next = BASE.replace(
      '乙方应按期交付。 {#deliver}',
      '乙方应按期交付。 {#deliver}\n\n      交付地点为甲方住所。',
    );
    const d = clause(diffTemplates(md(BASE), md(next)), 'deliver');
    expect(d.status).toBe('modified');
    expect(d.new?.text).toBe('乙方应按期交付。\n\n交付地点为甲方住所。');
    expect(d.text).toContainEqual({ op: 'insert', text: '\n\n交付地点为甲方住所。' });
  });
});

describe('diffTemplates: English word-level diff', () => {
  const en = `1. Payment {#payment}
   1. The Customer shall pay the fee within thirty days. {#due}
1. Term {#term}`;
  it('marks whole words, not letters', () => {
    const next = en.replace('shall pay the fee within thirty days', 'must pay the fee within fifteen days');
    const diff = diffTemplates(
      md(en, { locale: 'en', numbering: 'decimal' }),
      md(next, { locale: 'en', numbering: 'decimal' }),
    );
    expect(clause(diff, 'due').text).toEqual([
      { op: 'equal', text: 'The Customer ' },
      { op: 'delete', text: 'shall' },
      { op: 'insert', text: 'must' },
      { op: 'equal', text: ' pay the fee within ' },
      { op: 'delete', text: 'thirty' },
      { op: 'insert', text: 'fifteen' },
      { op: 'equal', text: ' days.' },
    ]);
    expect(clause(diff, 'due').new?.label).toBe('1.1');
  });
});

describe('diffTemplates: conditions, fields, settings, blocks', () => {
  it('reports a condition change per clause as modified with both conditions', () => {
    const next = BASE.replace('{#talk}', '{#talk if=flag}').replace('{#late}', '{#late if=kind=按月}');
    const before = BASE.replace('{#late}', '{#late unless=flag}');
    const diff = diffTemplates(md(before), md(next));
    expect(clause(diff, 'talk')).toMatchObject({
      status: 'modified',
      conditionChanged: true,
      new: { condition: { kind: 'if', field: 'flag' } },
    });
    expect(clause(diff, 'talk').old?.condition).toBeUndefined();
    expect(clause(diff, 'late')).toMatchObject({
      conditionChanged: true,
      old: { condition: { kind: 'unless', field: 'flag' } },
      new: { condition: { kind: 'if', field: 'kind', equals: '按月' } },
    });
    expect(clause(diff, 'talk').text).toBeUndefined();
  });

  it('reports fields added, removed and changed property by property', () => {
    const oldFields = `  a:
    label: 甲方
    type: text
  b:
    label: 金额
    type: money
  kind:
    label: 方式
    type: choice
    options: [按月, 一次]
  gone:
    label: 旧字段
    type: text`;
    const newFields = `  a:
    label: 甲方名称
    type: multiline
    required: true
  b:
    label: 金额
    type: money
  kind:
    label: 方式
    type: choice
    options: [按月, 按季]
  fresh:
    label: 新字段
    type: date`;
    const diff = diffTemplates(md('1. x {#x}', { fields: oldFields }), md('1. x {#x}', { fields: newFields }));
    expect(diff.fields).toEqual([
      {
        key: 'a',
        status: 'changed',
        old: { label: '甲方', type: 'text' },
        new: { label: '甲方名称', type: 'multiline', required: true },
        changes: [
          { property: 'type', old: 'text', new: 'multiline' },
          { property: 'label', old: '甲方', new: '甲方名称' },
          { property: 'required', new: true },
        ],
      },
      {
        key: 'kind',
        status: 'changed',
        old: { label: '方式', type: 'choice', options: ['按月', '一次'] },
        new: { label: '方式', type: 'choice', options: ['按月', '按季'] },
        changes: [{ property: 'options', old: ['按月', '一次'], new: ['按月', '按季'] }],
      },
      { key: 'fresh', status: 'added', new: { label: '新字段', type: 'date' } },
      { key: 'gone', status: 'removed', old: { label: '旧字段', type: 'text' } },
    ]);
    expect(diff.identical).toBe(false);
    expect(diff.summary.fields).toBe(4);
  });

  it('reports title, numbering and locale changes; a new numbering scheme renumbers every clause', () => {
    const diff = diffTemplates(md(BASE), md(BASE, { title: '借款合同', numbering: 'decimal', locale: 'en' }));
    expect(diff.meta).toEqual([
      { property: 'title', old: '合同', new: '借款合同' },
      { property: 'numbering', old: 'zh-article', new: 'decimal' },
      { property: 'locale', old: 'zh-CN', new: 'en' },
    ]);
    expect(diff.new).toEqual({ numbering: 'decimal', locale: 'en' });
    expect(clause(diff, 'breach')).toMatchObject({
      status: 'renumbered',
      old: { label: '第二条' },
      new: { label: '2.' },
    });
  });

  it('reports headings, paragraphs and tables added, removed and modified by position and similarity', () => {
    const before = `# 借款合同\n\n本合同由双方签订。\n\n${BASE}\n\n| 甲方：{{a}} | 乙方 |\n| --- | --- |\n\n旧的附注。`;
    const after = `# 借款合同（2026）\n\n本合同由双方签订。\n\n${BASE}\n\n| 甲方（盖章）：{{a}} | 乙方 |\n| --- | --- |\n\n新增的说明段落，完全不同。`;
    const diff = diffTemplates(md(before), md(after));
    expect(diff.blocks.map((b) => [b.type, b.status])).toEqual([
      ['heading', 'modified'],
      ['paragraph', 'unchanged'],
      ['table', 'modified'],
      ['paragraph', 'added'],
      ['paragraph', 'removed'],
    ]);
    expect(diff.blocks[0]?.text).toContainEqual({ op: 'insert', text: '（2026）' });
    expect(diff.summary.blocks).toBe(4);
    expect(diff.summary.unchanged).toBe(7);
  });
});

describe('diffTemplates: files without ids (matchBy position)', () => {
  const hand = `1. 总则
   1. 甲方应于三十日内付款。
   1. 乙方应按期交付货物。
1. 违约责任
   1. 逾期付款的，每日支付万分之五的违约金。`;

  it('by id alone, an edited id-less clause is removed + added (its generated id changed)', () => {
    const diff = diffTemplates(md(hand), md(hand.replace('三十日', '十五日')));
    expect(diff.summary).toMatchObject({ added: 1, removed: 1, modified: 0 });
  });

  it('by position and similarity, editing one sentence is modified, children and the rest unchanged', () => {
    const next = hand
      .replace('三十日', '十五日')
      .replace('1. 总则', '1. 总则与定义')
      .replace('   1. 乙方应按期交付货物。\n', '   1. 乙方应按期交付货物。\n   1. 全新的条款内容在这里。\n');
    const diff = diffTemplates(md(hand), md(next), { matchBy: 'position' });
    expect(diff.clauses.map((c) => [c.status, c.new?.label ?? c.old?.label])).toEqual([
      ['modified', '第一条'],
      ['modified', '1-1'],
      ['unchanged', '1-2'],
      ['added', '1-3'],
      ['unchanged', '第二条'],
      ['unchanged', '2-1'],
    ]);
    const first = diff.clauses[1] as ClauseDiff;
    expect(first.oldId).toBeDefined();
    expect(first.oldId).not.toBe(first.id);
    expect(first.text).toContainEqual({ op: 'insert', text: '十五' });
    // The parent's generated id changed too, yet its children are not "moved".
    expect(diff.summary.moved).toBe(0);
  });

  it('a rewritten clause with nothing in common is still removed + added', () => {
    const next = hand.replace('乙方应按期交付货物。', '保密义务永久有效。');
    const diff = diffTemplates(md(hand), md(next), { matchBy: 'position' });
    expect(diff.summary).toMatchObject({ added: 1, removed: 1, modified: 0, unchanged: 4 });
  });

  it('written ids are never paired by similarity when isGeneratedId says so', () => {
    const a = md('1. 甲方应于三十日内付款。 {#pay}');
    const b = md('1. 甲方应于十五日内付款。 {#pay2}');
    const generated = () => false;
    expect(diffTemplates(a, b, { matchBy: 'position', isGeneratedId: generated }).summary).toMatchObject({
      added: 1,
      removed: 1,
    });
    expect(diffTemplates(a, b, { matchBy: 'position' }).summary).toMatchObject({ modified: 1 });
  });
});

describe('diffTemplates: duplicated ids (a live draft between dedup passes)', () => {
  it('pairs a duplicated id once and reports the copy as added', () => {
    const a = md(BASE);
    const b = structuredClone(a);
    const list = b.body.find((block) => block.type === 'clauses');
    if (list?.type !== 'clauses') throw new Error('no clauses');
    list.clauses.push(structuredClone(list.clauses[2] as (typeof list.clauses)[number]));
    const diff = diffTemplates(a, b);
    expect(diff.summary).toMatchObject({ added: 1, removed: 0, unchanged: 7 });
    expect(diff.clauses.at(-1)).toMatchObject({ id: 'other', status: 'added', new: { label: '第四条' } });
  });
});

describe('diffTemplates: properties', () => {
  it('diff(a, a) is identical and all unchanged, for random templates', () => {
    fc.assert(
      fc.property(templateArb, (t) => {
        const copy = structuredClone(t) as Template;
        for (const matchBy of ['id', 'position'] as const) {
          const diff = diffTemplates(t, copy, { matchBy });
          expect(diff.identical).toBe(true);
          expect(diff.clauses.every((c) => c.status === 'unchanged')).toBe(true);
          expect(diff.blocks.every((b) => b.status === 'unchanged')).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('every clause of both sides appears once, and the diff is plain JSON', () => {
    fc.assert(
      fc.property(templateArb, templateArb, (a, b) => {
        const diff = diffTemplates(a, b, { matchBy: 'position' });
        const s = diff.summary;
        const count = (t: Template) => [...eachBodyClause(t.body)].length;
        expect(s.added + s.moved + s.modified + s.renumbered + s.unchanged).toBe(count(b));
        expect(s.removed + s.moved + s.modified + s.renumbered + s.unchanged).toBe(count(a));
        expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
      }),
      { numRuns: 100 },
    );
  });
});
