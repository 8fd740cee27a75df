import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore } from '../../src/storage/index.ts';
import { PgStore } from '../../src/storage/PgStore.ts';
import { SqliteStore } from '../../src/storage/SqliteStore.ts';
import { dropSchema, freshSchema, TEST_DATABASE_URL } from '../storage/pgTestDatabase.ts';

const DOC = 'compaction-race';
const ROUNDS = 12;

/** Two instances' stores over the same data, and a way to open a third to check it. */
interface Shared {
  open(): Promise<DocumentStore>;
  cleanup(): Promise<void>;
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function sqlite(): Promise<Shared> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cw-compaction-'));
  const file = path.join(dir, 'shared.db');
  return {
    open: async () => SqliteStore.open(file),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

async function postgres(): Promise<Shared> {
  const schema = freshSchema();
  return { open: () => PgStore.open(TEST_DATABASE_URL, { schema }), cleanup: () => dropSchema(schema) };
}

/** A client of one instance: each call appends one more token as an incremental update. */
function writer(store: DocumentStore, name: string) {
  const doc = new Y.Doc();
  const tokens = doc.getArray<string>('tokens');
  let n = 0;
  const written: string[] = [];
  return {
    written,
    append(): Promise<void> {
      const sv = Y.encodeStateVector(doc);
      const token = `${name}-${n++}`;
      tokens.push([token]);
      written.push(token);
      return store.append(DOC, Y.encodeStateAsUpdate(doc, sv), { origin: name });
    },
  };
}

async function storedTokens(store: DocumentStore): Promise<string[]> {
  const doc = new Y.Doc();
  for (const update of await store.load(DOC)) Y.applyUpdate(doc, update);
  expect(doc.store.pendingStructs, 'the log lacks no dependency').toBeNull();
  return doc.getArray<string>('tokens').toArray();
}

describe.each([
  ['SQLite (one file)', sqlite],
  ['PostgreSQL (one schema)', postgres],
])('two instances compacting the same document at once over %s', (_name, shared) => {
  it('keep every appended update: each compaction folds only rows it read, whatever the other one did', async () => {
    const data = await shared();
    cleanups.push(data.cleanup);
    const one = await data.open();
    const two = await data.open();
    try {
      const a = writer(one, 'a');
      const b = writer(two, 'b');
      for (let i = 0; i < 20; i++) await Promise.all([a.append(), b.append()]);
      let compacted = 0;
      for (let round = 0; round < ROUNDS; round++) {
        // Both compact while both keep appending; a compaction that finds its rows changed gives up, harmlessly.
        const results = await Promise.allSettled([
          one.compact(DOC),
          two.compact(DOC),
          a.append(),
          b.append(),
          a.append(),
          b.append(),
        ]);
        compacted += results.slice(0, 2).filter((r) => r.status === 'fulfilled').length;
        const tokens = new Set(await storedTokens(one));
        const missing = [...a.written, ...b.written].filter((t) => !tokens.has(t));
        expect(missing, `round ${round}`).toEqual([]);
      }
      expect(compacted).toBeGreaterThan(0);
      const checker = await data.open();
      try {
        expect(new Set(await storedTokens(checker))).toEqual(new Set([...a.written, ...b.written]));
      } finally {
        await checker.close();
      }
    } finally {
      await one.close();
      await two.close();
    }
  });
});
