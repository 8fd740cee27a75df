import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openStore, SQLITE_FILE } from '../../src/storage/openStore.ts';
import { PgStore } from '../../src/storage/PgStore.ts';
import { PG_SCHEMA_VERSION } from '../../src/storage/pgMigrations.ts';
import { SqliteStore } from '../../src/storage/SqliteStore.ts';
import { describeAccountStoreContract, describeDocumentStoreContract } from './documentStoreContract.ts';
import { dropSchema, freshSchema, TEST_DATABASE_URL, withClient } from './pgTestDatabase.ts';

// One schema for the whole file, dropped at the end: `open` returns stores over the same data, as the suites need.
const schema = freshSchema();
afterAll(() => dropSchema(schema));

describeDocumentStoreContract('PgStore', () => PgStore.open(TEST_DATABASE_URL, { schema }));
describeAccountStoreContract('PgStore', () => PgStore.open(TEST_DATABASE_URL, { schema }));

const bytes = (...values: number[]) => new Uint8Array(values);

/** A store in its own fresh schema, closed and dropped after the test. */
async function isolatedStore(): Promise<{ store: PgStore; schema: string; open: () => Promise<PgStore> }> {
  const own = freshSchema();
  cleanups.push(() => dropSchema(own));
  const open = async () => {
    const store = await PgStore.open(TEST_DATABASE_URL, { schema: own });
    cleanups.push(() => store.close());
    return store;
  };
  return { store: await open(), schema: own, open };
}

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  // Stores first (they were pushed after their schema), then the schemas.
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

/** Appends every update `edit` makes to `doc` through `store`; resolves once all are stored. */
async function edit(store: PgStore, docId: string, doc: Y.Doc, change: () => void): Promise<void> {
  const pending: Promise<void>[] = [];
  const onUpdate = (update: Uint8Array) => pending.push(store.append(docId, update, { origin: 'test' }));
  doc.on('update', onUpdate);
  change();
  doc.off('update', onUpdate);
  await Promise.all(pending);
}

function rebuild(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

const text = (doc: Y.Doc) => doc.getText('body').toString();

/** How many connections wait for a compaction's per-document lock. */
async function waitingCompactions(client: pg.Client): Promise<number> {
  // Inside a transaction the activity view is a snapshot taken once; look again each time.
  await client.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE wait_event_type = 'Lock' AND wait_event = 'advisory' AND query LIKE '%clausewright:compact:%'`,
  );
  return rows[0]?.n ?? 0;
}

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('PgStore', () => {
  it('records each migration once, and reopening applies none again', async () => {
    const { schema: own, open } = await isolatedStore();
    await (await open()).close();
    const applied = await withClient(own, (c) => c.query('SELECT version FROM schema_migrations ORDER BY version'));
    expect(applied.rows.map((r) => r.version)).toEqual(Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it('migrates once when several instances start on an empty schema at the same time', async () => {
    const own = freshSchema();
    cleanups.push(() => dropSchema(own));
    const stores = await Promise.all(Array.from({ length: 6 }, () => PgStore.open(TEST_DATABASE_URL, { schema: own })));
    for (const s of stores) cleanups.push(() => s.close());
    const applied = await withClient(own, (c) => c.query('SELECT count(*)::int AS n FROM schema_migrations'));
    expect(applied.rows[0].n).toBe(PG_SCHEMA_VERSION);
    // All of them work on the same tables.
    await Promise.all(stores.map((s, i) => s.append('shared', bytes(i))));
    expect(await stores[0]?.load('shared')).toHaveLength(6);
  });

  it('refuses a schema written by a newer version of the server', async () => {
    const { schema: own } = await isolatedStore();
    await withClient(own, (c) => c.query(`INSERT INTO schema_migrations (version, name) VALUES (99, 'future')`));
    await expect(PgStore.open(TEST_DATABASE_URL, { schema: own })).rejects.toThrow(/schema version 99 is newer/);
  });

  it('refuses a schema whose schema_migrations belongs to another tool, touching nothing', async () => {
    const own = freshSchema();
    cleanups.push(() => dropSchema(own));
    await withClient('public', (c) => c.query(`CREATE SCHEMA ${own}`));
    await withClient(own, (c) => c.query(`CREATE TABLE schema_migrations (version bigint PRIMARY KEY, dirty boolean)`));
    await expect(PgStore.open(TEST_DATABASE_URL, { schema: own })).rejects.toThrow(/belongs to another tool/);
    const tables = await withClient(own, (c) =>
      c.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [own]),
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(['schema_migrations']);
  });

  it('refuses to change a stored version or issued document, even behind the store’s back', async () => {
    const { store, schema: own } = await isolatedStore();
    const made = await store.createVersion('d', { message: 'v1', author: 'a', markdown: '# v1\n', state: bytes(1) });
    const issued = await store.recordDocument({
      templateId: 'd',
      templateTitle: 'T',
      version: 1,
      markdown: null,
      values: {},
      format: 'txt',
      by: null,
      sha256: '00',
      bytes: 1,
      filename: 'T.txt',
    });
    await withClient(own, async (c) => {
      await expect(c.query(`UPDATE versions SET markdown = 'changed' WHERE doc_id = 'd'`)).rejects.toThrow(
        /versions are immutable/,
      );
      await expect(c.query(`UPDATE issued_documents SET bytes = 2`)).rejects.toThrow(/issued documents are immutable/);
    });
    expect(await store.getVersion('d', 1)).toMatchObject({ ...made, markdown: '# v1\n' });
    expect((await store.getDocument(issued.id))?.bytes).toBe(1);
  });

  it('deletes exactly the rows a compaction folded: an append still uncommitted when it read them survives', async () => {
    const { store, schema: own } = await isolatedStore();
    const docId = 'gap';
    const mine = new Y.Doc();
    await edit(store, docId, mine, () => mine.getText('body').insert(0, 'abc'));
    const other = new Y.Doc();
    const late: Uint8Array[] = [];
    other.on('update', (u: Uint8Array) => late.push(u));
    other.getText('body').insert(0, 'XYZ');
    await withClient(own, (appender) =>
      withClient(own, async (locker) => {
        // The compaction will wait at its commit, after choosing its rows.
        await locker.query('BEGIN');
        await locker.query(`SELECT pg_advisory_xact_lock(hashtextextended('clausewright:compact:' || $1, 0))`, [docId]);
        // Another instance's append takes an id now, commits only after the compaction chose its rows.
        await appender.query('BEGIN');
        await appender.query(`INSERT INTO updates (doc_id, data, origin, created_at) VALUES ($1, $2, 'other', 0)`, [
          docId,
          Buffer.from(late[0] as Uint8Array),
        ]);
        await edit(store, docId, mine, () => mine.getText('body').insert(3, 'def'));
        const compaction = store.compact(docId);
        await waitFor(async () => (await waitingCompactions(locker)) >= 1);
        await appender.query('COMMIT');
        await locker.query('COMMIT');
        await compaction;
      }),
    );
    const updates = await store.load(docId);
    expect(updates).toHaveLength(2);
    const rebuilt = rebuild(updates);
    Y.applyUpdate(mine, late[0] as Uint8Array);
    expect(text(rebuilt)).toBe(text(mine));
    expect(text(rebuilt)).toContain('XYZ');
    expect(text(rebuilt)).toContain('abcdef');
  });

  it('two instances compacting at once, with appends in between, lose nothing and end with one row', async () => {
    const { store: a, schema: own, open } = await isolatedStore();
    const b = await open();
    const docId = 'race';
    const source = new Y.Doc();
    for (let i = 0; i < 200; i++) await edit(i % 2 ? a : b, docId, source, () => source.getText('body').insert(0, 'x'));
    await withClient(own, async (c) => {
      // Hold the per-document compaction lock, so both compactions have read their rows and wait to commit.
      await c.query('BEGIN');
      await c.query(`SELECT pg_advisory_xact_lock(hashtextextended('clausewright:compact:' || $1, 0))`, [docId]);
      const compactions = [a.compact(docId), b.compact(docId)];
      await waitFor(async () => (await waitingCompactions(c)) >= 2);
      // Appends from both instances after both compactions chose their rows.
      await edit(a, docId, source, () => source.getText('body').insert(0, 'late-a '));
      await edit(b, docId, source, () => source.getText('body').insert(0, 'late-b '));
      await c.query('COMMIT');
      await Promise.all(compactions);
    });
    const updates = await a.load(docId);
    // The first compaction to commit folded its rows; the other found some gone and folded again, appends included.
    expect(updates).toHaveLength(1);
    expect(text(rebuild(updates))).toBe(text(source));
    expect(text(source).startsWith('late-b late-a x')).toBe(true);
  });

  it('keeps every append of several instances writing one document at once, in each one’s order', async () => {
    const { store: a, open } = await isolatedStore();
    const b = await open();
    const docId = 'shared';
    await Promise.all(
      Array.from({ length: 300 }, (_, i) => (i % 2 ? b : a).append(docId, bytes(i % 2, i >> 8, i & 0xff))),
    );
    const stored = (await a.load(docId)).map((u) => ({ from: u[0], n: ((u[1] ?? 0) << 8) | (u[2] ?? 0) }));
    expect(stored).toHaveLength(300);
    for (const from of [0, 1]) {
      const ns = stored.filter((s) => s.from === from).map((s) => s.n);
      expect(ns).toEqual([...ns].sort((x, y) => x - y));
    }
  });

  it('keeps U+0000 (which PostgreSQL text cannot hold) and U+FFFF in every free-text field', async () => {
    const { store } = await isolatedStore();
    const odd = 'a\u0000b\uFFFFc\uFFFF0d\u0000\uFFFF';
    const docId = `doc${odd}`;
    await store.create(docId, bytes(1), { title: odd, locale: odd, numbering: odd });
    expect(await store.summary(docId)).toMatchObject({ docId, title: odd, locale: odd, numbering: odd });
    await store.append(docId, bytes(2), { origin: odd });
    expect(await store.load(docId)).toEqual([bytes(1), bytes(2)]);
    const made = await store.createVersion(docId, { message: odd, author: odd, markdown: odd, state: bytes(3) });
    expect(await store.getVersion(docId, made.version)).toMatchObject({ message: odd, author: odd, markdown: odd });
    const issued = await store.recordDocument({
      templateId: docId,
      templateTitle: odd,
      version: 'draft',
      markdown: odd,
      values: { [odd]: odd },
      format: 'txt',
      by: odd,
      sha256: '00',
      bytes: 1,
      filename: odd,
    });
    expect(await store.getDocument(issued.id)).toMatchObject({
      templateTitle: odd,
      markdown: odd,
      values: { [odd]: odd },
      by: odd,
      filename: odd,
    });
    const set = await store.createValuesSet({
      templateId: docId,
      name: odd,
      version: null,
      values: { v: odd },
      by: odd,
    });
    expect(await store.getValuesSet(docId, set.id)).toEqual(set);
    const user = await store.createUser({ username: odd, displayName: odd, passwordHash: odd, admin: false });
    expect(await store.findUser(odd)).toEqual({ ...user, passwordHash: odd });
  });

  it('stores and compacts a large update (8 MB) byte for byte', async () => {
    const { store } = await isolatedStore();
    const doc = new Y.Doc();
    const big = 'x'.repeat(8 * 1024 * 1024);
    await edit(store, 'big', doc, () => doc.getText('body').insert(0, big));
    await edit(store, 'big', doc, () => doc.getText('body').insert(0, 'start '));
    const [first] = await store.load('big');
    expect(first?.byteLength).toBeGreaterThan(8 * 1024 * 1024);
    await store.compact('big');
    const updates = await store.load('big');
    expect(updates).toHaveLength(1);
    expect(text(rebuild(updates))).toBe(`start ${big}`);
  });

  it('fails to open with a message naming the server when nothing listens there', async () => {
    const port = await freePort();
    const started = Date.now();
    await expect(PgStore.open(`postgres://postgres:secret@127.0.0.1:${port}/test`)).rejects.toThrow(
      new RegExp(`^Cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${port}/test: .*ECONNREFUSED`),
    );
    await expect(PgStore.open(`postgres://postgres:secret@127.0.0.1:${port}/test`)).rejects.not.toThrow(/secret/);
    expect(Date.now() - started).toBeLessThan(5000);
    await expect(PgStore.open(TEST_DATABASE_URL, { schema: 'Bad-Name' })).rejects.toThrow(/schema name/);
  });

  it('uses the schema the URL’s search_path names, and says so when that schema does not exist', async () => {
    const own = freshSchema();
    const url = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${own}`)}`;
    await expect(PgStore.open(url)).rejects.toThrow(new RegExp(`no schema of search_path "${own}" exists`));
    cleanups.push(() => dropSchema(own));
    await withClient('public', (c) => c.query(`CREATE SCHEMA ${own}`));
    const store = await PgStore.open(url);
    cleanups.push(() => store.close());
    await store.append('d', bytes(1));
    const stored = await withClient(own, (c) => c.query('SELECT count(*)::int AS n FROM updates'));
    expect(stored.rows[0].n).toBe(1);
  });

  it('carries on with new connections after the database ended its connections (a restart, a failover)', async () => {
    const own = freshSchema();
    cleanups.push(() => dropSchema(own));
    const applicationName = `cw_test_${own}`;
    const idleErrors: Error[] = [];
    const store = await PgStore.open(TEST_DATABASE_URL, {
      schema: own,
      applicationName,
      onIdleError: (e) => idleErrors.push(e),
    });
    cleanups.push(() => store.close());
    await store.append('d', bytes(1));
    const ended = await withClient('public', (c) =>
      c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [applicationName]),
    );
    expect(ended.rowCount).toBeGreaterThan(0);
    await waitFor(async () => idleErrors.length > 0);
    await store.append('d', bytes(2));
    expect(await store.load('d')).toEqual([bytes(1), bytes(2)]);
  });

  it('rejects appends after close, and every other call too', async () => {
    const { store } = await isolatedStore();
    await store.close();
    await expect(store.append('d', bytes(1))).rejects.toThrow(/closed/);
    await expect(store.load('d')).rejects.toThrow(/closed/);
    await expect(store.listUsers()).rejects.toThrow(/closed/);
  });
});

describe('openStore', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'cw-open-store-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('opens the SQLite file in the data directory when there is no database URL', async () => {
    for (const databaseUrl of [undefined, '']) {
      const store = await openStore({ dataDir, databaseUrl });
      try {
        expect(store).toBeInstanceOf(SqliteStore);
        expect(store.path).toBe(path.join(dataDir, SQLITE_FILE));
      } finally {
        await store.close();
      }
    }
  });

  it('opens PostgreSQL for a postgres:// or postgresql:// URL, without its password in the path', async () => {
    const own = freshSchema();
    cleanups.push(() => dropSchema(own));
    for (const databaseUrl of [TEST_DATABASE_URL, TEST_DATABASE_URL.replace(/^postgres:/, 'postgresql:')]) {
      const store = await openStore({ dataDir, databaseUrl, pg: { schema: own } });
      try {
        expect(store).toBeInstanceOf(PgStore);
        expect(store.path).toMatch(/^127\.0\.0\.1:5432\/test/);
      } finally {
        await store.close();
      }
    }
  });

  it('refuses any other scheme by name', async () => {
    await expect(openStore({ dataDir, databaseUrl: 'mysql://root@localhost/db' })).rejects.toThrow(
      /must start with postgres:\/\/ or postgresql:\/\/, got "mysql:\/\/…"/,
    );
    await expect(openStore({ dataDir, databaseUrl: 'not a url' })).rejects.toThrow(/no scheme/);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
