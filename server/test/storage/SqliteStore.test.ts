import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SQLITE_SCHEMA_VERSION, SqliteStore } from '../../src/storage/index.ts';
import { describeAccountStoreContract, describeDocumentStoreContract } from './documentStoreContract.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cw-sqlite-store-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describeDocumentStoreContract('SqliteStore', () => SqliteStore.open(path.join(dir, 'contract.db')));
describeAccountStoreContract('SqliteStore', () => SqliteStore.open(path.join(dir, 'contract.db')));

const bytes = (...values: number[]) => new Uint8Array(values);

function typedDoc(edits: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < edits; i++) doc.getText('body').insert(i, String.fromCharCode(97 + (i % 26)));
  return { doc, updates };
}

describe('SqliteStore', () => {
  it('creates the folder of its file, in WAL mode at the current schema version', async () => {
    const file = path.join(dir, 'nested', 'deeper', 'store.db');
    const store = SqliteStore.open(file);
    await store.append('d', bytes(1));
    await store.close();
    const db = new Database(file);
    try {
      expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
      expect((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(
        SQLITE_SCHEMA_VERSION,
      );
    } finally {
      db.close();
    }
  });

  it('refuses a file written by a newer schema version', () => {
    const file = path.join(dir, 'future.db');
    const db = new Database(file);
    db.exec('PRAGMA user_version = 99');
    db.close();
    expect(() => SqliteStore.open(file)).toThrow(/schema version 99 is newer/);
  });

  it('refuses to change a stored version, even through another connection', async () => {
    const file = path.join(dir, 'immutable.db');
    const store = SqliteStore.open(file);
    const made = await store.createVersion('d', { message: 'v1', author: 'a', markdown: '# v1\n', state: bytes(1) });
    const other = new Database(file);
    try {
      expect(() => other.exec("UPDATE versions SET markdown = '# changed\n' WHERE doc_id = 'd'")).toThrow(/immutable/);
    } finally {
      other.close();
    }
    expect(await store.getVersion('d', 1)).toMatchObject({ ...made, markdown: '# v1\n' });
    await store.close();
  });

  it('migrates a file of schema version 2 (updates and summaries only), keeping its log', async () => {
    const file = path.join(dir, 'v2.db');
    const db = new Database(file);
    db.exec(`CREATE TABLE updates (doc_id TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, origin TEXT,
      created_at INTEGER NOT NULL, PRIMARY KEY (doc_id, seq));
      CREATE TABLE documents (doc_id TEXT PRIMARY KEY, title TEXT, locale TEXT, numbering TEXT, updated_at INTEGER NOT NULL);
      PRAGMA user_version = 2`);
    db.prepare('INSERT INTO updates VALUES (?, ?, ?, ?, ?)').run(['old', 1, bytes(9), 'x', 1]);
    db.close();
    const store = SqliteStore.open(file);
    expect(await store.load('old')).toEqual([bytes(9)]);
    expect(
      (await store.createVersion('old', { message: 'm', author: null, markdown: '', state: bytes() })).version,
    ).toBe(1);
    await store.close();
  });

  it('keeps U+0000 (which libsql would silently cut a string at) in the free text users send', async () => {
    const store = SqliteStore.open(':memory:');
    const odd = 'a\u0000b\uFFFFc\uFFFF0d\u0000\uFFFF';
    await store.create('nul', new Uint8Array([1]), { title: odd, locale: 'zh-CN', numbering: 'zh-article' });
    expect((await store.summary('nul'))?.title).toBe(odd);
    const made = await store.createVersion('nul', {
      message: odd,
      author: odd,
      markdown: odd,
      state: new Uint8Array([2]),
    });
    expect(await store.getVersion('nul', made.version)).toMatchObject({ message: odd, author: odd, markdown: odd });
    expect((await store.listVersions('nul'))[0]).toMatchObject({ message: odd, author: odd, hash: made.hash });
    const issued = await store.recordDocument({
      templateId: 'nul',
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
      templateId: 'nul',
      name: odd,
      version: null,
      values: { v: odd },
      by: odd,
    });
    expect(await store.getValuesSet('nul', set.id)).toEqual(set);
    const user = await store.createUser({ username: 'lin', displayName: odd, passwordHash: 'x', admin: false });
    expect(await store.getUser(user?.id ?? '')).toEqual(user);
    await store.close();
  });

  it('works in memory', async () => {
    const store = SqliteStore.open(':memory:');
    await Promise.all([store.append('m', bytes(1)), store.append('m', bytes(2))]);
    expect(await store.load('m')).toEqual([bytes(1), bytes(2)]);
    await store.close();
  });

  it('survives reopening, before and after a compaction', async () => {
    const file = path.join(dir, 'reopen.db');
    const { doc, updates } = typedDoc(200);
    let store = SqliteStore.open(file);
    await Promise.all(updates.slice(0, 150).map((u) => store.append('doc', u)));
    await store.close();

    store = SqliteStore.open(file);
    expect(await store.load('doc')).toEqual(updates.slice(0, 150));
    await store.compact('doc');
    await Promise.all(updates.slice(150).map((u) => store.append('doc', u)));
    await store.close();

    store = SqliteStore.open(file);
    const stored = await store.load('doc');
    expect(stored).toHaveLength(51);
    const rebuilt = new Y.Doc();
    for (const u of stored) Y.applyUpdate(rebuilt, u);
    expect(rebuilt.getText('body').toString()).toBe(doc.getText('body').toString());
    expect(Y.encodeStateVector(rebuilt)).toEqual(Y.encodeStateVector(doc));
    await store.close();
  });

  it('rejects appends after close', async () => {
    const store = SqliteStore.open(path.join(dir, 'closed.db'));
    await store.close();
    await expect(store.append('d', bytes(1))).rejects.toThrow(/closed/);
    await expect(store.load('d')).rejects.toThrow(/closed/);
  });

  it('rejects every append of a batch whose commit fails on a lock, and stores none of them', async () => {
    const file = path.join(dir, 'locked.db');
    const store = SqliteStore.open(file, { busyTimeoutMs: 20 });
    await store.append('d', bytes(0));
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const results = await Promise.allSettled([1, 2, 3, 4].map((i) => store.append(i % 2 ? 'd' : 'e', bytes(i))));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    for (const r of results) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_BUSY' });
    other.exec('ROLLBACK');
    other.close();
    await store.append('d', bytes(5));
    expect(await store.load('d')).toEqual([bytes(0), bytes(5)]);
    expect(await store.load('e')).toEqual([]);
    await store.close();
  });

  it('rejects a whole batch when one of its rows fails, never committing part of it', async () => {
    const file = path.join(dir, 'poison.db');
    const store = SqliteStore.open(file);
    const other = new Database(file);
    other.exec(
      "CREATE TRIGGER refuse BEFORE INSERT ON updates WHEN NEW.doc_id = 'poison' BEGIN SELECT RAISE(ABORT, 'refused'); END",
    );
    other.close();
    const results = await Promise.allSettled([
      store.append('fine', bytes(1)),
      store.append('poison', bytes(2)),
      store.append('fine', bytes(3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason.message).toMatch(/refused/);
    expect(await store.load('fine')).toEqual([]);
    await store.append('fine', bytes(4));
    expect(await store.load('fine')).toEqual([bytes(4)]);
    await store.close();
  });

  it('refuses to compact a log holding a non-Yjs update and leaves its rows untouched', async () => {
    const store = SqliteStore.open(path.join(dir, 'garbage.db'));
    const { updates } = typedDoc(30);
    const garbage = bytes(255, 255, 255, 255, 1);
    await Promise.all([...updates.slice(0, 10), garbage, ...updates.slice(10)].map((u) => store.append('g', u)));
    const before = await store.load('g');
    await expect(store.compact('g')).rejects.toThrow(
      /Cannot compact g: stored update 11 of 31 is not a valid Yjs update/,
    );
    expect(await store.load('g')).toEqual(before);
    expect((await store.list()).find((info) => info.docId === 'g')?.updates).toBe(31);
    await store.close();
  });

  it('keeps appends another connection makes while a long compaction yields', async () => {
    const file = path.join(dir, 'two-connections.db');
    const a = SqliteStore.open(file);
    const b = SqliteStore.open(file);
    const { doc, updates } = typedDoc(3500);
    await Promise.all(updates.slice(0, 3000).map((u) => a.append('doc', u)));
    const compaction = a.compact('doc');
    // The compaction yields every 1000 rows; these commit through the other connection meanwhile.
    const late = updates.slice(3000).map((u) => b.append('doc', u));
    await Promise.all([compaction, ...late]);
    const stored = await a.load('doc');
    expect(stored).toHaveLength(501);
    const rebuilt = new Y.Doc();
    for (const u of stored) Y.applyUpdate(rebuilt, u);
    expect(Y.encodeStateVector(rebuilt)).toEqual(Y.encodeStateVector(doc));
    expect(rebuilt.getText('body').toString()).toBe(doc.getText('body').toString());
    await Promise.all([a.close(), b.close()]);
  });
});
