import {
  type CounterFormat,
  NUMBERING,
  NUMBERING_SCHEMES,
  type ResolvedClause,
  type ResolvedDocument,
  type ResolvedInline,
  resolveTemplate,
} from '@clausewright/model';
import { describe, expect, it } from 'vitest';
import { loadTemplateDir, SEED_ID, type TemplateDir } from '../test/docxSeed.ts';
import { cl, decimalTemplate, inl, legalEnTemplate, manyArticlesTemplate, template } from '../test/docxTemplates.ts';
import { assertWellFormed, paragraphs, part, textOf, unzipDocx, type WordParagraph } from '../test/docxXml.ts';
import { BLANK, brokenRefText } from './blank.ts';
import { bookmarkName, bookmarkNames } from './docx/bookmarkNames.ts';
import { clauseIndent } from './docx/clauseNumbering.ts';
import { ProblemsError } from './ProblemsError.ts';
import { renderDocx } from './renderDocx.ts';
import { inlineText } from './renderTxt.ts';

function flatten(doc: ResolvedDocument): ResolvedClause[] {
  const out: ResolvedClause[] = [];
  const walk = (clauses: readonly ResolvedClause[]) => {
    for (const clause of clauses) {
      out.push(clause);
      walk(clause.children);
    }
  };
  for (const block of doc.blocks) if (block.type === 'clauses') walk(block.clauses);
  return out;
}

/** Every inline of the document in order: blocks, clause paragraphs, table cells. */
function allInlines(doc: ResolvedDocument): ResolvedInline[] {
  const out: ResolvedInline[] = [];
  const clause = (c: ResolvedClause) => {
    out.push(...c.content);
    for (const p of c.paragraphs) out.push(...p);
    for (const child of c.children) clause(child);
  };
  for (const block of doc.blocks) {
    if (block.type === 'heading' || block.type === 'paragraph') out.push(...block.content);
    else if (block.type === 'table') for (const row of block.rows) for (const cell of row) out.push(...cell);
    else for (const c of block.clauses) clause(c);
  }
  return out;
}

async function render(doc: ResolvedDocument, options?: Parameters<typeof renderDocx>[1]) {
  const bytes = await renderDocx(doc, options);
  const parts = unzipDocx(bytes);
  const document = part(parts, 'word/document.xml');
  return { bytes, parts, document, paragraphs: paragraphs(document), numbering: part(parts, 'word/numbering.xml') };
}

interface WordLevel {
  ilvl: number;
  numFmt: string;
  lvlText: string;
  isLgl: boolean;
  suff: string | undefined;
  indentLeft: number;
}

/** The levels of the abstract list behind `numId`, and its multiLevelType. */
function listOf(numbering: string, numId: number): { type: string; levels: WordLevel[]; xml: string } {
  const abstractId = new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)?.[1];
  expect(abstractId, `w:num ${numId}`).toBeDefined();
  const xml =
    new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[^>]*>(.*?)</w:abstractNum>`).exec(numbering)?.[1] ?? '';
  const levels = [...xml.matchAll(/<w:lvl w:ilvl="(\d+)"[^>]*>(.*?)<\/w:lvl>/g)].map(([, ilvl, lvl = '']) => ({
    ilvl: Number(ilvl),
    numFmt: /<w:numFmt w:val="(\w+)"\/>/.exec(lvl)?.[1] ?? '',
    lvlText: /<w:lvlText w:val="([^"]*)"\/>/.exec(lvl)?.[1] ?? '',
    isLgl: lvl.includes('<w:isLgl/>'),
    suff: /<w:suff w:val="(\w+)"\/>/.exec(lvl)?.[1],
    indentLeft: Number(/<w:ind w:left="(\d+)"/.exec(lvl)?.[1]),
  }));
  return { type: /<w:multiLevelType w:val="(\w+)"\/>/.exec(xml)?.[1] ?? '', levels, xml };
}

function numbered(ps: readonly WordParagraph[]): (WordParagraph & { numPr: { ilvl: number; numId: number } })[] {
  return ps.filter((p): p is WordParagraph & { numPr: { ilvl: number; numId: number } } => p.numPr !== undefined);
}

/** REF fields in document order: the bookmark each points at and the result it shows. */
function refFields(xml: string): { bookmark: string; result: string }[] {
  const re =
    /<w:instrText xml:space="preserve"> REF (\S+) \\n \\h <\/w:instrText><\/w:r>.*?<w:fldChar w:fldCharType="separate"\/><\/w:r>(.*?)<w:fldChar w:fldCharType="end"\/>/g;
  return [...xml.matchAll(re)].map(([, bookmark = '', result = '']) => ({ bookmark, result: textOf(result) }));
}

/** The text of every run, one entry per `w:r`. */
function runs(xml: string): { rPr: string; text: string }[] {
  return [...xml.matchAll(/<w:r>(?:<w:rPr>(.*?)<\/w:rPr>)?(.*?)<\/w:r>/g)].map(([, rPr = '', content = '']) => ({
    rPr,
    text: textOf(content),
  }));
}

const WORD_FORMAT: Record<CounterFormat, string> = {
  decimal: 'decimal',
  chineseCounting: 'chineseCountingThousand',
  lowerLetter: 'lowerLetter',
  upperLetter: 'upperLetter',
  lowerRoman: 'lowerRoman',
  upperRoman: 'upperRoman',
};

// The real templates under templates/, each with its sample values.
const SEED = loadTemplateDir(SEED_ID);
const SERVICES = loadTemplateDir('software-services-agreement');
const DEVELOPMENT = loadTemplateDir('software-development-contract');
const REAL: readonly TemplateDir[] = [SEED, SERVICES, DEVELOPMENT];

const filled = (t: TemplateDir) => resolveTemplate(t.template, t.values);
const seed = () => filled(SEED);
const seedDraft = () => resolveTemplate(SEED.template, {});

/** An article or section label typed as text, in the numbering schemes of the real templates. */
const ZH_ARTICLE = /第[零〇一二三四五六七八九十百千]+条/;
const LEGAL_EN = /(Article|Section) \d/;

/** The document with every field, and so every REF result, taken out. */
function withoutFields(document: string): string {
  return document.replace(
    /<w:r><w:fldChar w:fldCharType="begin"\/><\/w:r>.*?<w:r><w:fldChar w:fldCharType="end"\/><\/w:r>/g,
    '',
  );
}

describe('renderDocx: clause numbering', () => {
  it.each(REAL.map((t) => [t.id, t] as const))(
    "%s: numbers every clause's first paragraph with Word's list at its level, the label never typed",
    async (_, t) => {
      const doc = filled(t);
      const { paragraphs: ps } = await render(doc);
      const clauses = flatten(doc);
      const list = numbered(ps);
      expect(list).toHaveLength(clauses.length);
      expect(clauses.length).toBeGreaterThan(30);
      const numId = list[0]?.numPr.numId;
      list.forEach((p, i) => {
        const clause = clauses[i] as ResolvedClause;
        expect(p.numPr).toEqual({ ilvl: clause.level - 1, numId });
        // The paragraph holds the clause text only: Word prints the label from the list.
        expect(p.text).toBe(inlineText(clause.content));
      });
    },
  );

  it.each([
    [SEED.id, 0, SEED, ZH_ARTICLE],
    [DEVELOPMENT.id, 8, DEVELOPMENT, ZH_ARTICLE],
    [SERVICES.id, 12, SERVICES, LEGAL_EN],
  ] as const)(
    '%s: has no clause label as text anywhere except the results of its %i REF fields',
    async (_, refCount, t, typedLabel) => {
      const doc = filled(t);
      const { document } = await render(doc);
      const outside = withoutFields(document);
      const texts = runs(outside).map((r) => r.text);
      for (const clause of flatten(doc)) {
        expect(
          texts.filter((text) => text === clause.label || text.startsWith(`${clause.label} `)),
          clause.label,
        ).toEqual([]);
      }
      expect(textOf(outside)).not.toMatch(typedLabel);
      // What was taken out is exactly the REF fields, each to its target and showing its refLabel.
      const names = bookmarkNames(doc);
      const refs = allInlines(doc).filter((i): i is Extract<ResolvedInline, { type: 'ref' }> => i.type === 'ref');
      expect(refs).toHaveLength(refCount);
      expect(refFields(document)).toEqual(refs.map((r) => ({ bookmark: names.get(r.target), result: r.text })));
      expect(textOf(document).length - textOf(outside).length).toBe(
        refs.reduce((n, r) => n + (r.text ?? '').length, 0),
      );
    },
  );

  it.each(NUMBERING_SCHEMES)("writes the nine levels of %s into numbering.xml as Word's own list", async (scheme) => {
    const doc = resolveTemplate(
      template({ id: 't', title: 'T', locale: 'en', numbering: scheme }, {}, [
        { type: 'clauses', clauses: [cl('a', 'A')] },
      ]),
      {},
    );
    const { paragraphs: ps, numbering } = await render(doc);
    const numId = numbered(ps)[0]?.numPr.numId ?? -1;
    const list = listOf(numbering, numId);
    expect(list.type).toBe('multilevel');
    expect(list.xml).not.toContain('w:tentative');
    expect(list.levels.map((l) => l.ilvl)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    NUMBERING[scheme].levels.forEach((def, i) => {
      const level = list.levels[i] as WordLevel;
      expect(level.numFmt).toBe(WORD_FORMAT[def.format]);
      expect(level.lvlText).toBe(def.text);
      expect(level.isLgl).toBe(def.legal);
      expect(level.suff).toBe('space');
      expect(level.indentLeft).toBe(clauseIndent(i + 1));
    });
  });

  it('zh-article: 第%1条 in chineseCountingThousand, then legal (isLgl) decimals 1-1, 1-1-1', async () => {
    const { paragraphs: ps, numbering } = await render(resolveTemplate(manyArticlesTemplate(101), {}));
    const { levels } = listOf(numbering, numbered(ps)[0]?.numPr.numId ?? -1);
    expect(levels[0]).toMatchObject({ numFmt: 'chineseCountingThousand', lvlText: '第%1条', isLgl: false });
    expect(levels[1]).toMatchObject({ numFmt: 'decimal', lvlText: '%1-%2', isLgl: true });
    expect(levels[2]).toMatchObject({ numFmt: 'decimal', lvlText: '%1-%2-%3', isLgl: true });
    expect(numbered(ps).filter((p) => p.numPr.ilvl === 0)).toHaveLength(101);
  });

  it('uses one list for the whole document, so numbering runs on across clause lists', async () => {
    const doc = resolveTemplate(decimalTemplate, {});
    const { paragraphs: ps, numbering } = await render(doc);
    const list = numbered(ps);
    expect(list).toHaveLength(flatten(doc).length);
    const numId = list[0]?.numPr.numId;
    expect(new Set(list.map((p) => p.numPr.numId))).toEqual(new Set([numId]));
    const abstractId = new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)?.[1];
    expect(numbering.match(new RegExp(`<w:abstractNumId w:val="${abstractId}"/>`, 'g'))).toHaveLength(1);
    // The paragraph between the two lists is not numbered; the clause after it is level 1 of the same list.
    const between = ps.findIndex((p) => p.text === 'Between the lists.');
    expect(ps[between]?.numPr).toBeUndefined();
    expect(ps[between + 1]?.numPr).toEqual({ ilvl: 0, numId });
  });

  it('writes further paragraphs unnumbered, indented like their clause', async () => {
    const doc = resolveTemplate(legalEnTemplate, { client: 'ACME', address: 'Line 1\nLine 2' });
    const { paragraphs: ps } = await render(doc);
    const scope = flatten(doc).find((c) => c.id === 'scope') as ResolvedClause;
    const at = ps.findIndex((p) => p.text === inlineText(scope.content));
    expect(ps[at]?.numPr?.ilvl).toBe(scope.level - 1);
    const further = ps[at + 1] as WordParagraph;
    expect(further.numPr).toBeUndefined();
    expect(further.text).toBe(inlineText(scope.paragraphs[0] ?? []));
    expect(further.indentLeft).toBe(clauseIndent(scope.level));
  });
});

describe('renderDocx: cross-references', () => {
  it.each([
    [
      'the legal-en fixture, down to (i)',
      () => resolveTemplate(legalEnTemplate, { client: 'ACME' }),
      ['Section 2.1', 'Section 1.1(a)(ii)'],
    ],
    [
      SERVICES.id,
      () => filled(SERVICES),
      [
        'Section 6.2',
        'Section 4.3(a)',
        'Section 4.2',
        'Article 5',
        'Article 6',
        'Section 7.3',
        'Article 8',
        'Article 3',
        'Section 7.3',
        'Article 6',
        'Section 6.4',
        'Article 3',
      ],
    ],
    [DEVELOPMENT.id, () => filled(DEVELOPMENT), ['9-2', '2-2', '第七条', '2-2', '第三条', '2-2', '6-1', '第八条']],
  ] as const)(
    '%s: bookmarks the target clause and points a REF field at it, showing its refLabel',
    async (_, make, results) => {
      const doc = make();
      const { document, paragraphs: ps } = await render(doc);
      const names = bookmarkNames(doc);
      const refs = allInlines(doc).filter((i): i is Extract<ResolvedInline, { type: 'ref' }> => i.type === 'ref');
      expect(refs.length).toBe(results.length);
      expect(refFields(document)).toEqual(refs.map((r) => ({ bookmark: names.get(r.target), result: r.text })));
      expect(refFields(document).map((r) => r.result)).toEqual(results);
      for (const ref of refs) {
        const target = flatten(doc).find((c) => c.id === ref.target) as ResolvedClause;
        const p = ps.find((q) => q.numPr && q.text === inlineText(target.content)) as WordParagraph;
        const start = new RegExp(`^<w:bookmarkStart w:id="(\\d+)" w:name="${names.get(ref.target)}"/>`).exec(
          p.xml.replace(/^<w:pPr>.*?<\/w:pPr>/, ''),
        );
        expect(start, `bookmark on ${ref.target}`).not.toBeNull();
        expect(p.xml.endsWith(`<w:bookmarkEnd w:id="${start?.[1]}"/>`)).toBe(true);
      }
    },
  );

  it('prints a broken or omitted reference visibly in a draft, with no field', async () => {
    const t = template(
      { id: 't', title: 'T', locale: 'zh-CN', numbering: 'zh-article' },
      { extra: { label: '附加', type: 'boolean' } },
      [
        {
          type: 'clauses',
          clauses: [
            cl('a', '见[[#nowhere]]和[[#optional]]。'),
            { ...cl('optional', '可选条款。'), condition: { kind: 'if', field: 'extra' } },
          ],
        },
      ],
    );
    const doc = resolveTemplate(t, { extra: false });
    const { document } = await render(doc);
    expect(refFields(document)).toEqual([]);
    expect(document).not.toContain('w:bookmarkStart');
    const broken = runs(document).filter((r) => r.text.startsWith('[#'));
    expect(broken.map((r) => r.text)).toEqual([brokenRefText('nowhere'), brokenRefText('optional')]);
    for (const r of broken) expect(r.rPr).toContain('<w:color w:val="C00000"/>');
    await expect(renderDocx(resolveTemplate(t, { extra: false }, { mode: 'strict' }))).rejects.toBeInstanceOf(
      ProblemsError,
    );
  });

  it('names bookmarks as Word allows: unique, at most 40 characters, letters, digits and _', () => {
    const long = `x${'-very-long-clause-id'.repeat(4)}`;
    for (const id of ['fee', 'fee-payment', 'a_b', 'a-b', long]) {
      expect(bookmarkName(id)).toMatch(/^_Ref_[A-Za-z0-9_]+$/);
      expect(bookmarkName(id).length).toBeLessThanOrEqual(40);
      expect(bookmarkName(id)).toBe(bookmarkName(id));
    }
    expect(bookmarkName('fee')).toBe('_Ref_fee');
    expect(bookmarkName('a-b')).not.toBe(bookmarkName('a_b'));
    expect(bookmarkName(long)).not.toBe(bookmarkName(`${long}x`));

    // A clause whose id is another's hashed name still gets a bookmark of its own.
    const clash = bookmarkName('a-b').slice('_Ref_'.length);
    const doc = resolveTemplate(
      template({ id: 't', title: 'T', locale: 'en', numbering: 'decimal' }, {}, [
        {
          type: 'clauses',
          clauses: [cl('a-b', 'one'), cl(clash, 'two'), cl('c', `see [[#a-b]] and [[#${clash}]]`)],
        },
      ]),
      {},
    );
    const names = bookmarkNames(doc);
    expect(names.size).toBe(2);
    expect(new Set(names.values()).size).toBe(2);
  });
});

describe('renderDocx: values', () => {
  it('underlines filled values by default, and not when asked', async () => {
    const doc = seed();
    const filled = allInlines(doc).filter((i) => i.type === 'value' && i.text);
    expect(filled.length).toBeGreaterThan(10);
    const underlined = runs((await render(doc)).document).filter((r) => r.rPr.includes('<w:u w:val="single"/>'));
    expect(underlined.map((r) => r.text)).toEqual(filled.map((i) => (i as { text: string }).text));
    expect((await render(doc, { underlineValues: false })).document).not.toContain('<w:u ');
  });

  it('prints a blank for every missing value in a draft', async () => {
    const doc = seedDraft();
    const missing = allInlines(doc).filter((i) => i.type === 'value' && i.text === null);
    expect(missing.length).toBeGreaterThan(10);
    const blanks = runs((await render(doc)).document).filter((r) => r.text === BLANK);
    expect(blanks).toHaveLength(missing.length);
    for (const r of blanks) expect(r.rPr).not.toContain('<w:u ');
  });

  it('breaks a multiline value into lines', async () => {
    const { document } = await render(resolveTemplate(legalEnTemplate, { client: 'ACME', address: 'Line 1\nLine 2' }));
    expect(document).toContain(
      '<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">Line 1</w:t><w:br/><w:t xml:space="preserve">Line 2</w:t></w:r>',
    );
  });

  it('escapes XML in text and values, and drops characters XML cannot hold', async () => {
    const t = template(
      { id: 't', title: 'T', locale: 'en', numbering: 'decimal' },
      { v: { label: 'V', type: 'text' } },
      [{ type: 'clauses', clauses: [cl('a', 'A <b> & {{v}}\ttab')] }],
    );
    const { document, paragraphs: ps } = await render(resolveTemplate(t, { v: "x $& $' \u0001 <w:p/>" }));
    assertWellFormed(document);
    expect(numbered(ps)[0]?.text).toBe("A <b> & x $& $'  <w:p/>\ttab");
  });
});

describe('renderDocx: document', () => {
  it('writes well-formed XML parts', async () => {
    const docs = [
      ...REAL.flatMap((t) => [filled(t), resolveTemplate(t.template, {})]),
      resolveTemplate(legalEnTemplate, { client: 'A', address: 'Line 1\nLine 2' }),
    ];
    for (const doc of docs) {
      const { parts } = await render(doc);
      for (const path of ['word/document.xml', 'word/numbering.xml', 'word/styles.xml', 'word/footer1.xml']) {
        assertWellFormed(part(parts, path));
      }
    }
  });

  it('makes the level-1 heading the centred, bold title', async () => {
    const { paragraphs: ps, parts } = await render(seed());
    const title = ps.find((p) => p.text === '微信小程序服务合同书') as WordParagraph;
    expect(title.xml).toContain('<w:pStyle w:val="Title"/>');
    const style = /<w:style w:type="paragraph" w:styleId="Title">(.*?)<\/w:style>/.exec(
      part(parts, 'word/styles.xml'),
    )?.[1];
    expect(style).toContain('<w:jc w:val="center"/>');
    expect(style).toContain('<w:b/>');
  });

  it('sets SimSun as the East Asian font of a Chinese document, a serif for Latin text', async () => {
    const zh = part((await render(seed())).parts, 'word/styles.xml');
    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/.exec(zh)?.[0] ?? '';
    expect(defaults).toMatch(/<w:rFonts [^>]*w:eastAsia="SimSun"/);
    expect(defaults).toMatch(/<w:rFonts [^>]*w:ascii="Times New Roman"/);
    expect(defaults).toContain('w:eastAsia="zh-CN"');
    const en = part((await render(filled(SERVICES))).parts, 'word/styles.xml');
    expect(/<w:docDefaults>.*<\/w:docDefaults>/.exec(en)?.[0]).toMatch(/<w:rFonts [^>]*w:ascii="Times New Roman"/);
  });

  it('renders the signature table as a Word table, its cells like paragraphs', async () => {
    const doc = seed();
    const { document } = await render(doc);
    const tables = [...document.matchAll(/<w:tbl>(.*?)<\/w:tbl>/g)].map((m) => m[1] ?? '');
    expect(tables).toHaveLength(1);
    const block = doc.blocks.find((b) => b.type === 'table');
    if (block?.type !== 'table') throw new Error('no table');
    const rows = [...(tables[0] ?? '').matchAll(/<w:tr>(.*?)<\/w:tr>/g)].map((r) =>
      [...(r[1] ?? '').matchAll(/<w:tc>(.*?)<\/w:tc>/g)].map((c) => textOf(c[1] ?? '')),
    );
    expect(rows).toEqual(block.rows.map((row) => row.map((cell) => inlineText(cell))));
    expect(tables[0]).toContain('<w:u w:val="single"/>');
  });

  it.each([
    ['zh-CN', seed, '第  页 共  页'],
    ['en', () => filled(SERVICES), 'Page  of '],
  ] as const)(
    'numbers the pages of a %s document in the footer with PAGE and NUMPAGES fields',
    async (_, make, text) => {
      const { parts, document } = await render(make());
      const footerId = /<w:footerReference w:type="default" r:id="(\w+)"\/>/.exec(document)?.[1];
      const target = new RegExp(`<Relationship Id="${footerId}" Type="[^"]*/footer" Target="([^"]+)"`).exec(
        part(parts, 'word/_rels/document.xml.rels'),
      )?.[1];
      const footer = part(parts, `word/${target}`);
      expect(footer).toMatch(/<w:instrText xml:space="preserve">\s*PAGE\s*<\/w:instrText>/);
      expect(footer).toMatch(/<w:instrText xml:space="preserve">\s*NUMPAGES\s*<\/w:instrText>/);
      expect(textOf(footer)).toBe(text);
    },
  );

  it('refuses a strict document with problems, and renders one without', async () => {
    const refused = renderDocx(resolveTemplate(SEED.template, {}, { mode: 'strict' }));
    await expect(refused).rejects.toBeInstanceOf(ProblemsError);
    await expect(refused).rejects.toMatchObject({
      problems: expect.arrayContaining([expect.objectContaining({ code: 'missing-value' })]),
    });
    const ok = await renderDocx(resolveTemplate(SEED.template, SEED.values, { mode: 'strict' }));
    expect(ok.length).toBeGreaterThan(1000);
  });
});

/** Central-directory entries of a zip: name and DOS time and date. */
function zipEntries(bytes: Uint8Array): { name: string; time: number; date: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const out: { name: string; time: number; date: number }[] = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    out.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
    });
    at += 46 + skip;
  }
  return out;
}

describe('renderDocx: deterministic output', () => {
  it('gives byte-identical files for the same document, whatever was rendered in between', async () => {
    const makes = [
      ...REAL.flatMap((t) => [() => filled(t), () => resolveTemplate(t.template, {})]),
      () => resolveTemplate(legalEnTemplate, { client: 'A' }),
    ];
    for (const make of makes) {
      const first = await renderDocx(make());
      await renderDocx(resolveTemplate(manyArticlesTemplate(3), {}));
      const second = await renderDocx(make());
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    }
  });

  it('writes fixed zip times, a fixed entry order and fixed core-property dates', async () => {
    const bytes = await renderDocx(seed());
    const entries = zipEntries(bytes);
    expect(entries.slice(0, 2).map((e) => e.name)).toEqual(['[Content_Types].xml', '_rels/.rels']);
    expect(entries.map((e) => e.name)).toContain('word/numbering.xml');
    // 2000-01-01 00:00:00 in DOS format.
    for (const e of entries) expect([e.date, e.time]).toEqual([((2000 - 1980) << 9) | (1 << 5) | 1, 0]);
    const core = part(unzipDocx(bytes), 'docProps/core.xml');
    expect(core.match(/<dcterms:(created|modified)[^>]*>([^<]*)</g)).toEqual([
      '<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z<',
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z<',
    ]);
  });

  it('writes the given createdAt as the core-property dates, and the same bytes for the same time', async () => {
    const publishedAt = new Date('2026-03-04T05:06:07.890Z');
    const first = await renderDocx(seed(), { createdAt: publishedAt });
    const second = await renderDocx(seed(), { createdAt: new Date(publishedAt.getTime()) });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const core = part(unzipDocx(first), 'docProps/core.xml');
    expect(core.match(/<dcterms:(created|modified)[^>]*>([^<]*)</g)).toEqual([
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-04T05:06:07Z<',
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-04T05:06:07Z<',
    ]);
    // Only the properties change with the time: every other part is the same as without it.
    const plain = unzipDocx(await renderDocx(seed()));
    const dated = unzipDocx(first);
    for (const name of plain.keys()) {
      if (name !== 'docProps/core.xml') expect(part(dated, name)).toBe(part(plain, name));
    }
    await expect(renderDocx(seed(), { createdAt: new Date(Number.NaN) })).rejects.toThrow(/createdAt/);
  });
});

describe('docxTemplates fixture notation', () => {
  it('reads fields, filters, references, bold and breaks', () => {
    expect(inl('a {{k|f}} [[#c]] **b**\nz')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'field', key: 'k', filter: 'f' },
      { type: 'text', text: ' ' },
      { type: 'ref', target: 'c' },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'b', marks: ['bold'] },
      { type: 'break' },
      { type: 'text', text: 'z' },
    ]);
  });
});
