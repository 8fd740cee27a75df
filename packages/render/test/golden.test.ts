/**
 * Golden tests: every template under `templates/` renders, as plain text in draft mode, exactly as the
 * checked-in files in `golden/` say — once with no values (`<id>.draft.txt`) and once with the template's
 * `sample.values.json` (`<id>.filled.txt`).
 *
 * After an intended change, rewrite the expected files with
 *   UPDATE_GOLDEN=1 pnpm exec vitest run packages/render/test/golden.test.ts
 * and read the diff before committing it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTemplate, serializeTemplate } from '@clausewright/markdown';
import { checkTemplate, resolveTemplate, type Template, type Values } from '@clausewright/model';
import { describe, expect, it } from 'vitest';
import { BLANK } from '../src/blank.ts';
import { renderTxt } from '../src/renderTxt.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..', '..');
const templatesDir = join(repoRoot, 'templates');
const goldenDir = join(here, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

const templateIds = readdirSync(templatesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(templatesDir, d.name, 'template.md')))
  .map((d) => d.name)
  .sort();

const parsed = new Map<string, Template>();

/** Parses a template once; called inside tests so that one broken template fails only its own tests. */
function load(id: string): Template {
  let template = parsed.get(id);
  if (!template) {
    const file = join(templatesDir, id, 'template.md');
    template = parseTemplate(readFileSync(file, 'utf8'), { file: relative(repoRoot, file), expectedId: id });
    parsed.set(id, template);
  }
  return template;
}

function sampleValues(id: string): Values {
  return JSON.parse(readFileSync(join(templatesDir, id, 'sample.values.json'), 'utf8')) as Values;
}

function draft(template: Template, values: Values = {}): string {
  return renderTxt(resolveTemplate(template, values, { mode: 'draft' }));
}

/** Compares with a golden file, or (re)writes it under UPDATE_GOLDEN=1. */
function expectGolden(name: string, actual: string): void {
  const file = join(goldenDir, name);
  if (update) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `${name} is missing: run with UPDATE_GOLDEN=1 to create it`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('templates', () => {
  it('are all found', () => {
    expect(templateIds).toEqual(
      expect.arrayContaining([
        'software-development-contract',
        'software-services-agreement',
        'wechat-miniprogram-service',
      ]),
    );
  });
});

describe.each(templateIds)('template %s', (id) => {
  it('parses with its folder name as id and passes the template check', () => {
    const template = load(id);
    expect(template.meta.id).toBe(id);
    expect(checkTemplate(template).map((issue) => issue.message)).toEqual([]);
  });

  it('survives serializing and parsing again unchanged', () => {
    const template = load(id);
    expect(parseTemplate(serializeTemplate(template), { expectedId: id })).toEqual(template);
  });

  it('renders the draft with no values as golden', () => {
    expectGolden(`${id}.draft.txt`, draft(load(id)));
  });

  it('renders the sample values as golden', () => {
    expectGolden(`${id}.filled.txt`, draft(load(id), sampleValues(id)));
  });

  it('has sample values that render in strict mode with no problems', () => {
    const doc = resolveTemplate(load(id), sampleValues(id), { mode: 'strict' });
    expect(doc.problems).toEqual([]);
    const text = renderTxt(doc);
    expect(text).not.toContain(BLANK);
    expect(text).not.toMatch(/\[#[^\]]*\?\]/);
  });
});

describe('wechat-miniprogram-service reproduces its seed', () => {
  const seedFile = join(goldenDir, 'wechat-miniprogram-service.seed.txt');
  const seed = readFileSync(seedFile, 'utf8');
  const ours = () => draft(load('wechat-miniprogram-service'));

  /** A blank in the seed: a `     年   月   日` date, or any run of two or more spaces. */
  const normalise = (line: string) =>
    line
      .replace(/ *年 +月 +日/g, BLANK)
      .replace(/ {2,}/g, BLANK)
      .replace(/\s+/g, ' ')
      .trim();
  const LABEL = /^(第[一二三四五六七八九十]+条|\d+(?:-\d+)*) /;
  const clauseLines = (text: string) =>
    text
      .split('\n')
      .map(normalise)
      .filter((line) => LABEL.test(line));

  /**
   * The intended differences, per clause label: [in the seed, in our draft]. The seed writes 元整 after the
   * 大写 blank; `rmb_upper` prints 元整 (or 角/分) itself, so the template does not repeat it.
   */
  const EXCEPTIONS: Record<string, [string, string]> = {
    '1-3': ['（大写：＿＿＿＿元整）', '（大写：＿＿＿＿）'],
  };
  const applyExceptions = (line: string) => {
    const label = LABEL.exec(line)?.[1] ?? '';
    const exception = EXCEPTIONS[label];
    if (!exception) return line;
    expect(line, `exception for ${label} no longer applies`).toContain(exception[0]);
    return line.replace(exception[0], exception[1]);
  };

  it('has the same clause lines, label by label, with blanks where the seed has them', () => {
    const expected = clauseLines(seed).map(applyExceptions);
    const actual = clauseLines(ours());
    expect(actual.map((l) => LABEL.exec(l)?.[1])).toEqual(expected.map((l) => LABEL.exec(l)?.[1]));
    for (const [i, line] of expected.entries()) expect(actual[i]).toBe(line);
  });

  it('numbers 第一条 … 第七条 with 1-1 … 7-7 and the level-3 runs of the seed', () => {
    const labels = clauseLines(ours()).map((l) => LABEL.exec(l)?.[1]);
    expect(labels.filter((l) => l?.startsWith('第'))).toEqual([
      '第一条',
      '第二条',
      '第三条',
      '第四条',
      '第五条',
      '第六条',
      '第七条',
    ]);
    expect(labels.filter((l) => l?.split('-').length === 3)).toEqual([
      '3-1-1',
      '3-1-2',
      '3-1-3',
      '3-1-4',
      '3-1-5',
      '3-1-6',
      '3-2-1',
      '3-2-2',
      '3-2-3',
      '3-2-4',
      '4-3-1',
      '4-3-2',
      '4-3-3',
    ]);
    expect(labels).toContain('7-7');
  });

  it('has every other seed line too, word for word once blanks and layout spaces are dropped', () => {
    // Non-clause lines (parties, signature block, letterhead) are laid out with spaces in the seed and with
    // table cells here; compare their words only.
    const words = (lines: string[]) => lines.map((line) => line.replace(/[\s＿]+/g, '')).filter((line) => line !== '');
    const expected = seed.split('\n').map((line) => applyExceptions(normalise(line)));
    expect(words(ours().split('\n'))).toEqual(words(expected));
  });
});

describe('software-development-contract renumbers around its optional article', () => {
  const id = 'software-development-contract';
  const render = (deliver_source: boolean) => draft(load(id), { ...sampleValues(id), deliver_source });
  const line = (text: string, start: string) => text.split('\n').find((l) => l.startsWith(start));

  it('includes 第六条 源代码交付 when source code is delivered', () => {
    const withSource = render(true);
    expect(withSource).toContain('\n第六条 源代码交付\n');
    expect(line(withSource, '第七条 ')).toBe('第七条 质量保证与维护');
    expect(line(withSource, '第十一条 ')).toBe('第十一条 其他');
  });

  it('drops the article and moves every later article up by one when it is not', () => {
    const withoutSource = render(false);
    expect(withoutSource).not.toContain('源代码交付');
    expect(withoutSource).not.toContain('源代码');
    expect(line(withoutSource, '第六条 ')).toBe('第六条 质量保证与维护');
    expect(line(withoutSource, '第七条 ')).toBe('第七条 保密');
    expect(line(withoutSource, '第八条 ')).toBe('第八条 违约责任');
    expect(line(withoutSource, '第十条 ')).toBe('第十条 其他');
    expect(line(withoutSource, '第十一条 ')).toBeUndefined();
    // 9-3 (source code breach) goes with it, so 9-4 becomes 8-3.
    expect(line(withoutSource, '8-3 ')).toMatch(/^8-3 任何一方违反第七条约定的/);
  });

  it('renumbers the cross-references with the articles', () => {
    const withSource = render(true);
    const withoutSource = render(false);
    expect(line(withSource, '1-3 ')).toContain('乙方不承担第9-2条约定的违约责任');
    expect(line(withoutSource, '1-3 ')).toContain('乙方不承担第8-2条约定的违约责任');
    expect(line(withSource, '3-1 ')).toContain('以及第七条约定的免费维护费用');
    expect(line(withoutSource, '3-1 ')).toContain('以及第六条约定的免费维护费用');
    expect(line(withSource, '9-4 ')).toMatch(/^9-4 任何一方违反第八条约定的/);
  });

  it('is issuable either way', () => {
    for (const deliver_source of [true, false]) {
      const values = { ...sampleValues(id), deliver_source };
      expect(resolveTemplate(load(id), values, { mode: 'strict' }).problems).toEqual([]);
    }
  });
});

describe('conditional variants are issuable', () => {
  it('software-services-agreement with a fixed fee, no renewal and no personal data', () => {
    const template = load('software-services-agreement');
    const values: Values = {
      ...sampleValues('software-services-agreement'),
      fee_model: 'fixed fee',
      fixed_fee: '96000',
      auto_renew: false,
      processes_personal_data: false,
    };
    const doc = resolveTemplate(template, values, { mode: 'strict' });
    expect(doc.problems).toEqual([]);
    const text = renderTxt(doc);
    expect(text).toContain(
      'Section 3.1 Fixed Fee. In consideration of the Services, Customer shall pay Provider a fixed fee of USD 96,000.00,',
    );
    expect(text).not.toContain('Time and Materials');
    expect(text).not.toContain('Renewal Term');
    expect(text).not.toContain('Data Processing Addendum');
    expect(text).toContain('Section 6.4 No Personal Data.');
  });

  it('software-development-contract with one payment, 乙方 ownership and litigation', () => {
    const template = load('software-development-contract');
    const values: Values = {
      ...sampleValues('software-development-contract'),
      payment_schedule: '一次性付款',
      ip_owner: '乙方',
      dispute_resolution: '诉讼',
    };
    const doc = resolveTemplate(template, values, { mode: 'strict' });
    expect(doc.problems).toEqual([]);
    const text = renderTxt(doc);
    expect(text).toContain('3-2 本软件依照第2-2条验收合格后5个工作日内，甲方一次性向乙方支付全部合同价款。');
    expect(text).not.toContain('预付款');
    expect(text).toContain('5-1 本软件的著作权及相关知识产权归乙方所有');
    expect(text).toContain('6-3 甲方取得的源代码仅可用于本软件的维护和二次开发');
    expect(text).toContain(
      '10-1 因本合同引起的或与本合同有关的争议，双方应友好协商解决；协商不成的，任何一方均可向甲方住所地有管辖权的人民法院提起诉讼。',
    );
    expect(text).not.toContain('仲裁');
  });
});
