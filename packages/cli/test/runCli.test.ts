import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.ts';

const root = resolve(import.meta.dirname, '../../..');
const seed = join(root, 'templates/wechat-miniprogram-service');
const sample = join(seed, 'sample.values.json');

async function cw(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string; bytes: Uint8Array[] }> {
  let stdout = '';
  let stderr = '';
  const bytes: Uint8Array[] = [];
  const code = await runCli(argv, {
    stdout: (d) => {
      if (typeof d === 'string') stdout += d;
      else bytes.push(d);
    },
    stderr: (t) => {
      stderr += t;
    },
    stdoutIsTTY: false,
  });
  return { code, stdout, stderr, bytes };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'cw-cli-'));
}

describe('cw render', () => {
  it('prints the draft contract as text with labels and blanks', async () => {
    const r = await cw('render', seed);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('第一条 合同期限、金额与支付');
    expect(r.stdout).toContain('4-3-3 因黑客问题');
    expect(r.stdout).toContain('＿＿＿＿');
    expect(r.stderr).toContain('warning: draft has gaps');
  });

  it('fills values, and --strict passes when they are complete', async () => {
    const values = JSON.parse(readFileSync(sample, 'utf8')) as Record<string, unknown>;
    const r = await cw('render', seed, '--values', sample, '--strict', '--format', 'html');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout).toContain(String(values.party_a));
  });

  it('refuses --strict with every missing value listed and exit code 2', async () => {
    const r = await cw('render', seed, '--strict');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const listed = r.stderr.split('\n').filter((l) => l.startsWith('  - '));
    expect(listed.length).toBeGreaterThan(5);
    expect(r.stderr).toContain('is required');
  });

  it('writes a .docx chosen by the --out extension', async () => {
    const out = join(tmp(), 'contract.docx');
    const r = await cw('render', seed, '--values', sample, '--out', out);
    expect(r.code).toBe(0);
    const zip = unzipSync(readFileSync(out));
    expect(Object.keys(zip)).toContain('word/numbering.xml');
    expect(new TextDecoder().decode(zip['word/document.xml'])).toContain('<w:numPr>');
  });

  it('reports a broken values file as file:line:col with exit 2', async () => {
    const file = join(tmp(), 'v.json');
    writeFileSync(file, '{\n  "amount": 12800,\n  "party_a": }\n');
    const r = await cw('render', seed, '--values', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:14: invalid JSON`));
  });

  it.each([
    [['render', seed, '--format', 'pdf'], 'unknown format "pdf"'],
    [['render', join(root, 'templates/no-such-template')], 'no such template folder or file'],
    [['render'], 'needs a template folder'],
    [['publish', seed], 'unknown command "publish"'],
    [['render', seed, '--colour'], "Unknown option '--colour'"],
  ])('exits 2 with a message for %j', async (argv, message) => {
    const r = await cw(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain('    at ');
  });
});

describe('cw check', () => {
  it('passes the seed template and its sample values', async () => {
    const r = await cw('check', seed, '--values', sample);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/template\.md: ok \(\d+ clauses, \d+ fields\)/);
  });

  it('prints every error with file:line:col and exits 2', async () => {
    const dir = join(tmp(), 'broken');
    execFileSync('mkdir', ['-p', dir]);
    writeFileSync(
      join(dir, 'template.md'),
      [
        '---',
        'schemaVersion: 1',
        'id: broken',
        'title: 坏模板',
        'locale: zh-CN',
        'numbering: zh-article',
        'fields:',
        '  amount: { label: 金额, type: money }',
        '---',
        '',
        '1. 金额{{amout}}，见[[#nope]] {#a}',
        '',
      ].join('\n'),
    );
    const r = await cw('check', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/template\.md:11:\d+: unknown field "amout"/);
    expect(r.stderr).toMatch(/template\.md:11:\d+: reference to unknown clause "#nope"/);
  });
});

describe('cw fields', () => {
  it('prints the field definitions as JSON', async () => {
    const r = await cw('fields', seed);
    expect(r.code).toBe(0);
    const fields = JSON.parse(r.stdout) as Record<string, { type: string }>;
    expect(Object.values(fields).map((f) => f.type)).toEqual(
      expect.arrayContaining(['money', 'date', 'text', 'integer']),
    );
  });
});

describe('pnpm cw (the real command)', () => {
  it('passes stdout and the exit code through pnpm', () => {
    const ok = spawnSync('pnpm', ['cw', 'render', seed, '--format', 'txt'], { cwd: root, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout.split('\n')[0]).toBe(
      readFileSync(join(root, 'packages/render/test/golden/wechat-miniprogram-service.draft.txt'), 'utf8').split(
        '\n',
      )[0],
    );
    const bad = spawnSync('pnpm', ['cw', 'render', seed, '--strict'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });
});
