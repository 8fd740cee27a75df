import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import type { DocumentStore } from '../server/src/storage/DocumentStore.ts';
import { PgStore } from '../server/src/storage/PgStore.ts';
import { SqliteStore } from '../server/src/storage/SqliteStore.ts';
import { dropSchema, freshSchema, TEST_DATABASE_URL } from '../server/test/storage/pgTestDatabase.ts';
import type { Bench } from './harness.ts';

// The PostgreSQL store (issue 7) beside the embedded SQLite one, on the same machine, in a throwaway schema (the
// tests' database, CLAUSEWRIGHT_TEST_DATABASE_URL):
//  storage.<engine>.append        one keystroke-sized update appended and committed (the hub awaits this before it
//                                 broadcasts), one at a time: the latency every edit pays.
//  storage.<engine>.append.burst  1,000 updates appended in one event-loop turn (one multi-row insert), until all
//                                 are committed: how batching holds throughput up under load.
//  storage.<engine>.compact.5k    folding a 5,000-update log into one row.

export default async function pgStoreBench(bench: Bench): Promise<void> {
  const schema = freshSchema();
  const dir = await mkdtemp(path.join(tmpdir(), 'cw-bench-pgstore-'));
  const stores: [string, DocumentStore][] = [
    ['pg', await PgStore.open(TEST_DATABASE_URL, { schema })],
    ['sqlite', SqliteStore.open(path.join(dir, 'bench.db'))],
  ];
  try {
    const updates = keystrokes(5000);
    for (const [engine, store] of stores) {
      let n = 0;
      await bench.time(
        `storage.${engine}.append`,
        () => store.append('append', updates[n++ % updates.length] as Uint8Array),
        {
          runs: 500,
          warmup: 20,
        },
      );
      let burst = 0;
      await bench.time(
        `storage.${engine}.append.burst`,
        () => {
          const docId = `burst-${burst++}`;
          return Promise.all(updates.slice(0, 1000).map((u) => store.append(docId, u)));
        },
        { runs: 20, warmup: 2 },
      );
      let compacted = 0;
      const samples: number[] = [];
      for (let run = 0; run < 5; run++) {
        const docId = `compact-${compacted++}`;
        await Promise.all(updates.map((u) => store.append(docId, u)));
        const started = performance.now();
        await store.compact(docId);
        samples.push(performance.now() - started);
      }
      bench.record(`storage.${engine}.compact.5k`, samples, 'ms');
    }
  } finally {
    for (const [, store] of stores) await store.close();
    await rm(dir, { recursive: true, force: true });
    await dropSchema(schema);
  }
}

/** The updates of someone typing `count` characters, one update each. */
function keystrokes(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getText('body').insert(i, String.fromCharCode(97 + (i % 26)));
  return updates;
}
