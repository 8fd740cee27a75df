import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { storeNewTemplate } from '../server/src/collab/storeNewTemplate.ts';
import { SqliteStore } from '../server/src/storage/SqliteStore.ts';
import type { Bench } from './harness.ts';
import { fiveHundredClauses } from './sync/fiveHundredClauses.ts';
import { rawJoin } from './sync/rawJoin.ts';
import { startOurServer } from './sync/servers.ts';

// load.500clauses: a 500-clause template stored in SQLite (as `POST /api/templates` stores it), opened by one fresh
// client: connect → sync step 2 received, the server (bench/sync/ourServer.ts) in its own process. Each run opens a
// document no one has opened yet, so every load is cold (read from the store, applied, encoded).
// load.500clauses.join150: 150 fresh clients open one such cold document at the same moment; every client's time.
// memory.perDoc: memory (heap + ArrayBuffers) held per loaded document ÷ its encoded size, from bench/sync/memoryProbe.ts run with --expose-gc.
const COLD_RUNS = 30;
const JOIN_RUNS = 5;
const JOINERS = 150;
const MEMORY_RUNS = 3;

const docIds = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

async function fill(dbFile: string, ids: string[]): Promise<void> {
  const store = SqliteStore.open(dbFile);
  try {
    for (const id of ids) await storeNewTemplate(store, fiveHundredClauses(id));
  } finally {
    await store.close();
  }
}

export default async function serverBench(bench: Bench): Promise<void> {
  const warm = docIds('warm', 3);
  const cold = docIds('cold', COLD_RUNS);
  const crowd = docIds('crowd', JOIN_RUNS);
  const server = await startOurServer((db) => fill(db, [...warm, ...cold, ...crowd]));
  try {
    for (const id of warm) await rawJoin(server.wsUrl, id);
    const loads: number[] = [];
    let bytes = 0;
    for (const id of cold) {
      const join = await rawJoin(server.wsUrl, id);
      loads.push(join.ms);
      bytes = join.bytes;
    }
    console.log(`  one 500-clause document: ${(bytes / 1024).toFixed(0)} KB encoded`);
    bench.record('load.500clauses', loads, 'ms', 100);

    const joins: number[] = [];
    for (const id of crowd) {
      const all = await Promise.all(Array.from({ length: JOINERS }, () => rawJoin(server.wsUrl, id)));
      joins.push(...all.map((j) => j.ms));
    }
    const metric = bench.record('load.500clauses.join150', joins, 'ms');
    console.log(`  p99 ${metric.p99} ms — ${metric.p99 <= 2000 ? 'ok' : 'MISSED'} (target: p99 ≤ 2000 ms)`);
  } finally {
    await server.stop();
  }

  const probe = fileURLToPath(new URL('./sync/memoryProbe.ts', import.meta.url));
  const ratios: number[] = [];
  for (let i = 0; i < MEMORY_RUNS; i++) {
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', probe], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`memory probe failed: ${run.stderr}`);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as {
      ratio: number;
      heapPerDoc: number;
      bytesPerDoc: number;
    };
    ratios.push(result.ratio);
    if (i === 0) {
      console.log(
        `  per loaded document: ${(result.heapPerDoc / 1048576).toFixed(2)} MB held for ${(result.bytesPerDoc / 1024).toFixed(0)} KB encoded`,
      );
    }
  }
  bench.record('memory.perDoc', ratios, 'ratio', 10);
}
