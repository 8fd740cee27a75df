import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type CollabSession, DocumentHub, type DocumentHubOptions } from '../../src/collab/DocumentHub.ts';
import { createLogger } from '../../src/createLogger.ts';
import { type DocumentStore, SqliteStore } from '../../src/storage/index.ts';
import { sleep, waitFor } from './startCollab.ts';

let dir: string;
let store: SqliteStore;
let hubs: DocumentHub[];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cw-hub-'));
  store = SqliteStore.open(path.join(dir, 'hub.db'));
  hubs = [];
});

afterEach(async () => {
  for (const hub of hubs) await hub.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function newHub(over: DocumentStore = store, options: DocumentHubOptions = {}): DocumentHub {
  const hub = new DocumentHub(over, { unloadAfterMs: 60_000, logger: createLogger('silent'), ...options });
  hubs.push(hub);
  return hub;
}

interface FakeSession extends CollabSession {
  updates: Uint8Array[];
  closedWith: { code: number; reason: string } | null;
}

function session(name: string): FakeSession {
  const s: FakeSession = {
    name,
    updates: [],
    closedWith: null,
    sendUpdate: (u) => s.updates.push(u),
    sendAwareness: () => {},
    close: (code, reason) => {
      s.closedWith = { code, reason };
    },
  };
  return s;
}

/** An update that inserts `text` into a fresh client's Y.Text "t". */
function edit(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

async function storedText(docId: string): Promise<string> {
  const doc = new Y.Doc();
  for (const u of await store.load(docId)) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}

describe('DocumentHub', () => {
  it('shares one load between concurrent opens', async () => {
    await store.append('nda', edit('x'));
    let loads = 0;
    const counting: DocumentStore = {
      ...delegate(store),
      load: (id) => {
        loads++;
        return store.load(id);
      },
    };
    const hub = newHub(counting);
    const [a, b] = await Promise.all([hub.open('nda'), hub.open('nda')]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
    expect(a.doc.getText('t').toString()).toBe('x');
  });

  it('sends the updates of one turn to each other session as one message, never back to the sender', async () => {
    const hub = newHub();
    const doc = await hub.open('nda');
    const alice = session('alice');
    const bob = session('bob');
    hub.connect(doc, alice);
    hub.connect(doc, bob);
    hub.receiveUpdate(doc, alice, edit('one'));
    hub.receiveUpdate(doc, alice, edit('two'));
    await hub.whenStored(doc);
    expect(alice.updates).toHaveLength(0);
    expect(bob.updates).toHaveLength(1);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, bob.updates[0] as Uint8Array);
    expect(copy.getText('t').length).toBe(6);
    expect((await storedText('nda')).length).toBe(6);
  });

  it('closes only the session that sends an update Yjs cannot apply, storing nothing', async () => {
    const hub = newHub();
    const doc = await hub.open('nda');
    const alice = session('alice');
    const bob = session('bob');
    hub.connect(doc, alice);
    hub.connect(doc, bob);
    hub.receiveUpdate(doc, alice, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(alice.closedWith?.code).toBe(1007);
    expect(bob.closedWith).toBeNull();
    hub.receiveUpdate(doc, bob, edit('fine'));
    await hub.whenStored(doc);
    expect(await store.load('nda')).toHaveLength(1);
    expect(await storedText('nda')).toBe('fine');
  });

  it('rejects the open of a document whose stored bytes fail, writes nothing and retries on the next open', async () => {
    await store.append('broken', new Uint8Array([5, 5, 5, 5, 5, 5]));
    const before = await store.load('broken');
    const hub = newHub();
    await expect(hub.open('broken')).rejects.toThrow(/broken/);
    await expect(hub.open('broken')).rejects.toThrow(/broken/);
    expect(hub.loadedDocIds()).toEqual([]);
    expect(await store.load('broken')).toEqual(before);
  });

  it('refuses a stored log whose updates depend on updates that are missing', async () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getText('t').insert(0, 'a');
    doc.getText('t').insert(1, 'b');
    await store.append('gap', updates[1] as Uint8Array);
    await expect(newHub().open('gap')).rejects.toThrow(/not stored/);
  });

  it('compacts and unloads a document once it has had no sessions for the grace period', async () => {
    const hub = newHub(store, { unloadAfterMs: 30 });
    const doc = await hub.open('nda');
    const alice = session('alice');
    hub.connect(doc, alice);
    for (const word of ['a', 'b', 'c']) hub.receiveUpdate(doc, alice, edit(word));
    await hub.whenStored(doc);
    await sleep(60);
    expect(hub.loadedDocIds()).toEqual(['nda']);
    hub.disconnect(doc, alice);
    await waitFor(async () => hub.loadedDocIds().length === 0 && (await store.load('nda')).length === 1);
    expect(doc.unloaded).toBe(true);
    const again = await hub.open('nda');
    expect(again).not.toBe(doc);
    expect(again.doc.getText('t').length).toBe(3);
  });

  it('keeps a document loaded while a session rejoins within the grace period', async () => {
    const hub = newHub(store, { unloadAfterMs: 50 });
    const doc = await hub.open('nda');
    const alice = session('alice');
    hub.connect(doc, alice);
    hub.disconnect(doc, alice);
    hub.connect(doc, session('bob'));
    await sleep(100);
    expect(doc.unloaded).toBe(false);
  });

  it('closes the sessions and forgets the in-memory state when an append fails', async () => {
    let fail = false;
    const flaky: DocumentStore = {
      ...delegate(store),
      append: (id, u, meta) => (fail ? Promise.reject(new Error('disk full')) : store.append(id, u, meta)),
    };
    const hub = newHub(flaky);
    const doc = await hub.open('nda');
    const alice = session('alice');
    const bob = session('bob');
    hub.connect(doc, alice);
    hub.connect(doc, bob);
    hub.receiveUpdate(doc, alice, edit('kept'));
    await hub.whenStored(doc);
    fail = true;
    hub.receiveUpdate(doc, alice, edit('lost'));
    await hub.whenStored(doc);
    expect(alice.closedWith?.code).toBe(1011);
    expect(bob.closedWith?.code).toBe(1011);
    expect(bob.updates).toHaveLength(1);
    fail = false;
    const reloaded = await hub.open('nda');
    expect(reloaded).not.toBe(doc);
    expect(reloaded.doc.getText('t').toString()).toBe('kept');
  });

  it('stores pending updates and closes sessions on close', async () => {
    const hub = newHub();
    const doc = await hub.open('nda');
    const alice = session('alice');
    hub.connect(doc, alice);
    hub.receiveUpdate(doc, alice, edit('last words'));
    await hub.close();
    expect(alice.closedWith?.code).toBe(1001);
    expect(await storedText('nda')).toBe('last words');
    await expect(hub.open('nda')).rejects.toThrow(/closed/);
  });
});

function delegate(inner: DocumentStore): DocumentStore {
  return {
    load: (id) => inner.load(id),
    append: (id, u, meta) => inner.append(id, u, meta),
    compact: (id) => inner.compact(id),
    list: () => inner.list(),
    create: (docId, update, summary) => inner.create(docId, update, summary),
    setSummary: (docId, summary) => inner.setSummary(docId, summary),
    summaries: () => inner.summaries(),
    summary: (docId) => inner.summary(docId),
    close: async () => {},
  };
}
