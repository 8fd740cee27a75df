/**
 * What a word processor shows: each .docx is converted to text by LibreOffice, which lays out Word's
 * list numbering itself, and the clause labels it prints must be the labels renderTxt prints.
 * Needs `soffice` (LibreOffice) on PATH; without it these tests fail, never skip.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { type NumberingScheme, type ResolvedClause, type ResolvedDocument, resolveTemplate } from '@clausewright/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../src/renderDocx.ts';
import { renderTxt } from '../src/renderTxt.ts';
import { loadTemplateDir, SEED_ID } from './docxSeed.ts';
import { decimalTemplate, manyArticlesTemplate } from './docxTemplates.ts';

/** A clause label at the start of a line, per numbering scheme. */
const LABEL: Record<NumberingScheme, RegExp> = {
  'zh-article': /^(第[零〇一二三四五六七八九十百千万]+条|\d+(?:-\d+)+) /,
  decimal: /^(\d+\.|\d+(?:\.\d+)+) /,
  'legal-en': /^(Article \d+|Section \d+\.\d+|\([a-zA-Z]+\)) /,
};

/** Non-empty lines without the BOM and the indent LibreOffice gives list paragraphs. */
function lines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trimStart())
    .filter((line) => line !== '');
}

function labels(text: string, scheme: NumberingScheme): string[] {
  return lines(text).flatMap((line) => LABEL[scheme].exec(line)?.[1] ?? []);
}

function clauseLabels(doc: ResolvedDocument): string[] {
  const out: string[] = [];
  const walk = (clauses: readonly ResolvedClause[]) => {
    for (const clause of clauses) {
      out.push(clause.label);
      walk(clause.children);
    }
  };
  for (const block of doc.blocks) if (block.type === 'clauses') walk(block.clauses);
  return out;
}

function requireSoffice(): void {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'LibreOffice is required by the docx label tests but `soffice --version` failed' +
        ` (${probe.error?.message ?? `exit ${probe.status}`}). Install it (apt-get install libreoffice-writer) and put soffice on PATH.`,
    );
  }
}

interface Case {
  name: string;
  doc: ResolvedDocument;
  /** What LibreOffice printed for the .docx. */
  office: string;
}

const cases = new Map<string, Case>();
let dir = '';
// Kept rather than thrown from beforeAll, so every test fails with it instead of being reported as skipped.
let setupError: unknown;

async function convertAll(): Promise<void> {
  requireSoffice();
  const seed = loadTemplateDir(SEED_ID);
  const legal = loadTemplateDir('software-services-agreement');
  const development = loadTemplateDir('software-development-contract');
  const docs: Record<string, ResolvedDocument> = {
    'seed-draft': resolveTemplate(seed.template, {}),
    'seed-filled': resolveTemplate(seed.template, seed.values),
    'legal-en': resolveTemplate(legal.template, legal.values),
    development: resolveTemplate(development.template, development.values),
    decimal: resolveTemplate(decimalTemplate, {}),
    'articles-105': resolveTemplate(manyArticlesTemplate(105, 2), {}),
  };
  dir = mkdtempSync(join(tmpdir(), 'cw-docx-lo-'));
  const files: string[] = [];
  for (const [name, doc] of Object.entries(docs)) {
    const file = join(dir, `${name}.docx`);
    writeFileSync(file, await renderDocx(doc));
    files.push(file);
  }
  // A private profile, so parallel runs and a user's open LibreOffice do not clash.
  const profile = pathToFileURL(join(dir, 'profile')).href;
  await promisify(execFile)(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      'txt:Text',
      '--outdir',
      join(dir, 'out'),
      ...files,
    ],
    { timeout: 120_000 },
  );
  for (const [name, doc] of Object.entries(docs)) {
    cases.set(name, { name, doc, office: readFileSync(join(dir, 'out', `${name}.txt`), 'utf8') });
  }
}

beforeAll(async () => {
  try {
    await convertAll();
  } catch (e) {
    setupError = e;
  }
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function get(name: string): Case {
  if (setupError) throw setupError;
  const c = cases.get(name);
  if (!c) throw new Error(`LibreOffice did not convert ${name}`);
  return c;
}

describe('renderDocx in LibreOffice', () => {
  it('has LibreOffice (soffice) to convert the documents', () => {
    if (setupError) throw setupError;
    expect(cases.size).toBe(6);
  });

  it.each(['seed-draft', 'seed-filled', 'legal-en', 'development', 'decimal', 'articles-105'])(
    '%s: the clause labels LibreOffice shows are the labels renderTxt prints, line by line',
    (name) => {
      const { doc, office } = get(name);
      const scheme = doc.meta.numbering;
      const txt = labels(renderTxt(doc), scheme);
      expect(txt).toEqual(clauseLabels(doc));
      expect(labels(office, scheme)).toEqual(txt);
    },
  );

  it('seed: shows 第一条 … 第七条, 1-1 … 7-7 and 3-1-1 … 4-3-3 from the list', () => {
    for (const name of ['seed-draft', 'seed-filled']) {
      const shown = labels(get(name).office, 'zh-article');
      expect(shown.filter((l) => l.startsWith('第'))).toEqual([
        '第一条',
        '第二条',
        '第三条',
        '第四条',
        '第五条',
        '第六条',
        '第七条',
      ]);
      expect(shown).toEqual(
        expect.arrayContaining(['1-1', '1-3', '2-1', '3-1', '3-1-1', '3-2-4', '4-3-3', '7-1', '7-7']),
      );
    }
  });

  it('past 第一百条: shows 第一百零一条, not 一○一', () => {
    const shown = labels(get('articles-105').office, 'zh-article');
    expect(shown).toContain('第一百零一条');
    expect(shown).toContain('101-2');
    expect(shown.filter((l) => l.startsWith('第')).at(-1)).toBe('第一百零五条');
  });

  it.each(['seed-draft', 'seed-filled', 'legal-en', 'development', 'decimal', 'articles-105'])(
    '%s: LibreOffice shows the same text as renderTxt, blanks and references included',
    (name) => {
      const { doc, office } = get(name);
      expect(lines(office)).toEqual(lines(renderTxt(doc)));
    },
  );
});
