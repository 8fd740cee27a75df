import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TemplateDiff } from '@clausewright/diff';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.ts';

const root = resolve(import.meta.dirname, '../../..');
const fixtures = join(import.meta.dirname, 'fixtures/diff');
const seed = join(root, 'templates/wechat-miniprogram-service');
// UPDATE_GOLDEN=1 rewrites the expected files from the current output.
const update = process.env.UPDATE_GOLDEN === '1';

async function cw(argv: string[], tty = false): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (d) => {
      stdout += typeof d === 'string' ? d : new TextDecoder().decode(d);
    },
    stderr: (t) => {
      stderr += t;
    },
    stdoutIsTTY: tty,
  });
  // Paths print as given; the golden files hold them relative to the repo root.
  return { code, stdout: stdout.replaceAll(`${root}/`, ''), stderr: stderr.replaceAll(`${root}/`, '') };
}

function golden(file: string, actual: string): void {
  const path = join(fixtures, file);
  if (update || !existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('cw diff: golden output', () => {
  for (const name of ['labelled', 'english', 'hand-written']) {
    it(`${name}: prints the clause-level diff with labels and inline changes, exit 1`, async () => {
      const r = await cw(['diff', join(fixtures, name, 'old.md'), join(fixtures, name, 'new.md')]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      golden(`${name}/expected.txt`, r.stdout);
    });
  }

  it('labelled: shows every kind of change in the issue’s notation', async () => {
    const r = await cw(['diff', join(fixtures, 'labelled/old.md'), join(fixtures, 'labelled/new.md')]);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('> 3-1-2 moved from 3-2-1 and modified (#accept-days)');
    expect(lines).toContain('# 3-2-1 renumbered from 3-2-2 (#deemed)');
    expect(lines).toContain('~ 4-1 modified (#pay)');
    expect(lines).toContain('    甲方应于验收后[-三十-]{+十五+}日内支付{{amount}}元。');
    expect(lines).toContain('+ 4-4 added (#account)');
    expect(lines).toContain('- 5-2 removed (#force)');
    expect(lines).toContain('    condition: (none) → if=need_invoice');
    expect(lines).toContain('field + need_invoice added (boolean "需要发票")');
    expect(lines).toContain('setting title: "软件服务合同" → "软件服务合同（2026版）"');
    // Clauses that only moved up a number because of others are not reported as modified.
    expect(r.stdout).not.toContain('modified (#dispute)');
  });

  it('hand-written files without ids: editing one sentence is modified, not removed + added', async () => {
    const r = await cw(['diff', join(fixtures, 'hand-written/old.md'), join(fixtures, 'hand-written/new.md')]);
    expect(r.stdout).toContain('~ 1-1 modified\n    甲方向乙方出借人民币{+二+}十万元。');
    expect(r.stdout).not.toContain('removed');
  });

  it('a clause added near the top prints the clauses it renumbered as one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-diff-'));
    const lines = readFileSync(join(seed, 'template.md'), 'utf8').split('\n');
    const second = lines.findIndex((l, i) => l.startsWith('1. ') && i > lines.findIndex((m) => m.startsWith('1. ')));
    lines.splice(second, 0, '1. 新增的定义条款。 {#added-defs}');
    writeFileSync(join(dir, 'new.md'), lines.join('\n'));
    const r = await cw(['diff', seed, join(dir, 'new.md')]);
    expect(r.code).toBe(1);
    const out = r.stdout.split('\n');
    expect(out).toContain('+ 第二条 added (#added-defs)');
    expect(out.filter((l) => l.startsWith('# '))).toEqual([
      expect.stringMatching(/^# 第三条 … \S+ renumbered from 第二条 … \S+ \(\d+ clauses\)$/),
    ]);
    expect(r.stdout).not.toMatch(/modified|moved|removed/);
  });

  it('--json prints the TemplateDiff', async () => {
    const r = await cw(['diff', join(fixtures, 'labelled/old.md'), join(fixtures, 'labelled/new.md'), '--json']);
    expect(r.code).toBe(1);
    const diff = JSON.parse(r.stdout) as TemplateDiff;
    expect(diff.identical).toBe(false);
    expect(diff.summary).toEqual({
      added: 1,
      removed: 1,
      moved: 1,
      modified: 2,
      renumbered: 2,
      unchanged: 13,
      fields: 2,
      meta: 1,
      blocks: 0,
    });
    golden('labelled/expected.json', r.stdout);
  });

  it('colours only for a terminal', async () => {
    const args = ['diff', join(fixtures, 'labelled/old.md'), join(fixtures, 'labelled/new.md')];
    expect((await cw(args, false)).stdout).not.toContain('\x1b[');
    const tty = await cw(args, true);
    expect(tty.stdout).toContain('\x1b[31m[-三十-]\x1b[0m');
    expect(tty.stdout).toContain('\x1b[32m{+十五+}\x1b[0m');
  });
});

describe('cw diff: exit codes', () => {
  it('0 and "no differences" for the same template, as a folder against its own file and a copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-diff-'));
    const copy = join(dir, 'copy.md');
    copyFileSync(join(seed, 'template.md'), copy);
    const r = await cw(['diff', seed, copy]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('no differences');
    const json = await cw(['diff', seed, join(seed, 'template.md'), '--json']);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as TemplateDiff).identical).toBe(true);
  });

  it('1 for template folders that differ', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cw-diff-'));
    for (const side of ['a', 'b']) mkdirSync(join(dir, side, 'service'), { recursive: true });
    copyFileSync(join(fixtures, 'labelled/old.md'), join(dir, 'a/service/template.md'));
    copyFileSync(join(fixtures, 'labelled/new.md'), join(dir, 'b/service/template.md'));
    const r = await cw(['diff', join(dir, 'a/service'), join(dir, 'b/service')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('~ 4-1 modified (#pay)');
  });

  it('2 with every problem of both files as file:line:col, nothing on stdout', async () => {
    const broken = join(fixtures, 'bad/broken.md');
    const r = await cw(['diff', broken, join(fixtures, 'bad/missing.md')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('packages/cli/test/fixtures/diff/bad/broken.md:9:8: unknown field "nope"');
    expect(r.stderr).toContain(
      'packages/cli/test/fixtures/diff/bad/broken.md:10:5: reference to unknown clause "#missing"',
    );
    expect(r.stderr).toContain('packages/cli/test/fixtures/diff/bad/missing.md: no such template folder or file');
  });

  it('2 for missing or extra arguments and unknown options', async () => {
    expect((await cw(['diff', seed])).code).toBe(2);
    expect((await cw(['diff', seed, seed, seed])).code).toBe(2);
    expect((await cw(['diff', seed, seed, '--jsonn'])).code).toBe(2);
  });

  it('the real command exits 0, 1 and 2', () => {
    const run = (...args: string[]) =>
      spawnSync('pnpm', ['cw', 'diff', ...args], { cwd: root, encoding: 'utf8' }).status;
    expect(run(seed, seed)).toBe(0);
    expect(run(join(fixtures, 'english/old.md'), join(fixtures, 'english/new.md'))).toBe(1);
    expect(run(join(fixtures, 'bad/broken.md'), seed)).toBe(2);
  });
});
