import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../../src/storage/SqliteStore.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const script = path.join(here, 'crashAppender.ts');
const TRIALS = 10;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cw-sqlite-crash-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Deterministic kill delays, so a failing trial can be rerun. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

interface Trial {
  acknowledged: number[];
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the appender against `file` and SIGKILLs it `delayMs` after it reports ready. */
function runUntilKilled(file: string, delayMs: number): Promise<Trial> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, file], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!timer && stdout.startsWith('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      // Only whole lines count: a number cut off by the kill was never fully acknowledged.
      const lines = stdout.split('\n').slice(0, -1);
      const acknowledged = lines.filter((line) => line !== 'ready').map(Number);
      resolve({ acknowledged, signal, stderr });
    });
  });
}

describe('SqliteStore under SIGKILL', () => {
  it(`keeps every acknowledged update and an intact file across ${TRIALS} killed appenders`, async () => {
    const random = seeded(20261126);
    let totalAcknowledged = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const file = path.join(dir, `crash-${trial}.db`);
      const delayMs = Math.round(30 + random() * 400);
      const { acknowledged, signal, stderr } = await runUntilKilled(file, delayMs);
      expect({ trial, delayMs, signal, stderr }).toEqual({ trial, delayMs, signal: 'SIGKILL', stderr: '' });
      totalAcknowledged += acknowledged.length;

      const db = new Database(file);
      try {
        expect((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
      } finally {
        db.close();
      }
      const store = SqliteStore.open(file);
      const doc = new Y.Doc();
      for (const update of await store.load('crash')) Y.applyUpdate(doc, update);
      await store.compact('crash');
      await store.close();
      const stored = doc.getMap<number>('acked');
      const missing = acknowledged.filter((n) => stored.get(String(n)) !== n);
      expect({ trial, delayMs, missing }).toEqual({ trial, delayMs, missing: [] });
    }
    expect(totalAcknowledged).toBeGreaterThan(TRIALS * 100);
  }, 60_000);
});
