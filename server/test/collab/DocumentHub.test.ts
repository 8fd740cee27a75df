import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type CollabSession,
  DocumentHub,
  type DocumentHubOptions,
  type HubDocument,
} from '../../src/collab/DocumentHub.ts';
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

/** The text "t" of a loaded document, read from a throwaway copy. */
function liveText(hubDoc: HubDocument): string {
  const copy = hubDoc.toYDoc();
  const text = copy.getText('t').toString();
  copy.destroy();
  return text;
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
    expect(liveText(a)).toBe('x');
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
    expect(liveText(again)).toHaveLength(3);
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
    expect(liveText(reloaded)).toBe('kept');
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

  it('gives a joiner after hundreds of pending updates exactly the state a peer has', async () => {
    const hub = newHub();
    const hubDoc = await hub.open('nda');
    const alice = session('alice');
    hub.connect(hubDoc, alice);
    const peer = new Y.Doc();
    const updates: Uint8Array[] = [];
    peer.on('update', (u: Uint8Array) => updates.push(u));
    const early = new Y.Doc();
    for (let i = 0; i < 700; i++) {
      const t = peer.getText('t');
      if (i % 7 === 6) t.delete(i % t.length, 1);
      else t.insert(i % (t.length + 1), String.fromCharCode(97 + (i % 26)));
      if (i === 300) Y.applyUpdate(early, Y.encodeStateAsUpdate(peer));
    }
    // Several turns, so pending updates are merged in chunks as well as within one turn.
    for (const [i, u] of updates.entries()) {
      hub.receiveUpdate(hubDoc, alice, u);
      if (i % 100 === 0) await hub.whenStored(hubDoc);
    }
    await hub.whenStored(hubDoc);
    expect(hubDoc.encodeStateVector()).toEqual(Y.encodeStateVector(peer));

    const joiner = new Y.Doc();
    Y.applyUpdate(joiner, hubDoc.encodeFullState());
    expect(joiner.getText('t').toString()).toBe(peer.getText('t').toString());
    expect(Y.encodeStateVector(joiner)).toEqual(Y.encodeStateVector(peer));
    expect(Y.encodeStateAsUpdate(joiner)).toEqual(Y.encodeStateAsUpdate(peer));

    // A client that saw only part of it gets the rest as a diff against its state vector.
    Y.applyUpdate(early, hubDoc.encodeDiff(Y.encodeStateVector(early)));
    expect(early.getText('t').toString()).toBe(peer.getText('t').toString());
    expect(await storedText('nda')).toBe(peer.getText('t').toString());
  });

  it('drops an update the document already holds: not stored, not sent again', async () => {
    const hub = newHub();
    const doc = await hub.open('nda');
    const alice = session('alice');
    const bob = session('bob');
    hub.connect(doc, alice);
    hub.connect(doc, bob);
    const update = edit('once');
    hub.receiveUpdate(doc, alice, update);
    await hub.whenStored(doc);
    hub.receiveUpdate(doc, bob, update);
    hub.receiveUpdate(doc, bob, Y.encodeStateAsUpdate(new Y.Doc()));
    await hub.whenStored(doc);
    expect(await store.load('nda')).toHaveLength(1);
    expect(alice.updates).toHaveLength(0);
    expect(bob.updates).toHaveLength(1);
    expect(bob.closedWith).toBeNull();
  });

  it('closes only the session whose update depends on content the document lacks, storing nothing', async () => {
    const hub = newHub();
    const doc = await hub.open('nda');
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    source.getText('t').insert(0, 'a');
    source.getText('t').insert(1, 'b');
    source.getText('t').delete(0, 1);
    const gap = session('gap');
    const danglingDelete = session('dangling-delete');
    const bob = session('bob');
    for (const s of [gap, danglingDelete, bob]) hub.connect(doc, s);
    // Clock 1 without clock 0: a Y.Doc would keep it aside; stored, it would make every later load fail.
    hub.receiveUpdate(doc, gap, updates[1] as Uint8Array);
    // Deletes an item the server has never seen.
    hub.receiveUpdate(doc, danglingDelete, updates[2] as Uint8Array);
    expect(gap.closedWith?.code).toBe(1007);
    expect(danglingDelete.closedWith?.code).toBe(1007);
    expect(bob.closedWith).toBeNull();
    hub.receiveUpdate(doc, bob, edit('fine'));
    await hub.whenStored(doc);
    expect(await store.load('nda')).toHaveLength(1);
    await hub.close();
    const reopened = await newHub().open('nda');
    expect(liveText(reopened)).toBe('fine');
  });

  it('keeps a decodable update that Yjs discards (its parent is text, not a type) without breaking the document', async () => {
    const hub = newHub();
    const doc = await hub.open('nda');
    const alice = session('alice');
    const bob = session('bob');
    hub.connect(doc, alice);
    hub.connect(doc, bob);
    const base = new Y.Doc();
    base.clientID = 1;
    base.getText('t').insert(0, 'hello');
    hub.receiveUpdate(doc, alice, Y.encodeStateAsUpdate(base));
    // One item of client 2 with parent = item (1, 0), a character of "hello": a map entry k = "v" (V1 encoding).
    const strange = new Uint8Array([1, 1, 2, 0, 0x28, 0, 1, 0, 1, 0x6b, 1, 119, 1, 0x76, 0]);
    expect(Y.decodeUpdate(strange).structs).toHaveLength(1);
    hub.receiveUpdate(doc, bob, strange);
    await hub.whenStored(doc);
    expect(bob.closedWith).toBeNull();
    expect(liveText(doc)).toBe('hello');
    await hub.close();
    const reopened = await newHub().open('nda');
    expect(liveText(reopened)).toBe('hello');
  });

  it('rewrites the list summary when a client changes the meta map, also by overwriting a value', async () => {
    const source = new Y.Doc();
    source.getMap('meta').set('title', 'NDA');
    source.getMap('meta').set('locale', 'en');
    source.getMap('meta').set('numbering', 'decimal');
    await store.create('nda', Y.encodeStateAsUpdate(source), { title: 'NDA', locale: 'en', numbering: 'decimal' });
    const hub = newHub();
    const doc = await hub.open('nda');
    const alice = session('alice');
    hub.connect(doc, alice);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, doc.encodeFullState());
    const send = (change: () => void) => {
      const before = Y.encodeStateVector(peer);
      change();
      hub.receiveUpdate(doc, alice, Y.encodeStateAsUpdate(peer, before));
    };
    send(() => peer.getText('t').insert(0, 'body text'));
    send(() => peer.getMap('meta').set('title', 'Mutual NDA'));
    send(() => peer.getMap('meta').set('numbering', 'legal-en'));
    await waitFor(async () => (await store.summary('nda'))?.title === 'Mutual NDA');
    expect(await store.summary('nda')).toMatchObject({ title: 'Mutual NDA', locale: 'en', numbering: 'legal-en' });
    send(() => peer.getMap('meta').set('title', 'Renamed'));
    await hub.close();
    expect((await store.summary('nda'))?.title).toBe('Renamed');
  });
  it('merges what a busy document sends: fewer messages than updates, each only after it is stored, all converging', async () => {
    // Every document counts as busy here; a 30 ms window.
    const hub = newHub(store, { coalescing: { hotDeliveriesPerSecond: 1, windowMs: 30 } });
    const doc = await hub.open('nda');
    const writers = Array.from({ length: 6 }, (_, i) => session(`w${i}`));
    const watcher = session('watcher');
    for (const s of [...writers, watcher]) hub.connect(doc, s);
    const clients = writers.map(() => new Y.Doc());
    const sent: Uint8Array[] = [];
    let stored = 0;
    const appended = store.append.bind(store);
    store.append = async (id, u, meta) => {
      await appended(id, u, meta);
      stored++;
    };
    // Each message a session receives must hold only stored updates.
    let sentBeforeStored = 0;
    watcher.sendUpdate = (u) => {
      const copy = new Y.Doc();
      for (const m of watcher.updates) Y.applyUpdate(copy, m);
      Y.applyUpdate(copy, u);
      if (copy.getText('t').length > stored) sentBeforeStored++;
      copy.destroy();
      watcher.updates.push(u);
    };
    for (let round = 0; round < 60; round++) {
      const i = round % writers.length;
      const client = clients[i] as Y.Doc;
      const before = Y.encodeStateVector(client);
      client.getText('t').insert(0, 'x');
      const update = Y.encodeStateAsUpdate(client, before);
      sent.push(update);
      hub.receiveUpdate(doc, writers[i] as FakeSession, update);
      await sleep(8);
    }
    await hub.whenStored(doc);
    await sleep(60);
    expect(sentBeforeStored).toBe(0);
    // Merged after the first rate bucket (250 ms): ~30 updates in ~4 windows.
    expect(watcher.updates.length).toBeLessThan(45);
    const everything = new Y.Doc();
    for (const u of watcher.updates) Y.applyUpdate(everything, u);
    expect(everything.getText('t').length).toBe(60);
    for (const [i, writer] of writers.entries()) {
      const view = new Y.Doc();
      Y.applyUpdate(view, Y.encodeStateAsUpdate(clients[i] as Y.Doc));
      for (const u of writer.updates) Y.applyUpdate(view, u);
      expect(view.getText('t').toString()).toBe(everything.getText('t').toString());
    }
    expect(liveText(doc)).toBe(everything.getText('t').toString());
    expect(await storedText('nda')).toBe(everything.getText('t').toString());
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
    createVersion: (docId, version) => inner.createVersion(docId, version),
    listVersions: (docId) => inner.listVersions(docId),
    getVersion: (docId, version) => inner.getVersion(docId, version),
    authorship: (docId) => inner.authorship(docId),
    recordDocument: (document) => inner.recordDocument(document),
    listDocuments: (filter) => inner.listDocuments(filter),
    getDocument: (id) => inner.getDocument(id),
    createValuesSet: (set) => inner.createValuesSet(set),
    listValuesSets: (templateId) => inner.listValuesSets(templateId),
    getValuesSet: (templateId, id) => inner.getValuesSet(templateId, id),
    updateValuesSet: (templateId, id, patch) => inner.updateValuesSet(templateId, id, patch),
    deleteValuesSet: (templateId, id) => inner.deleteValuesSet(templateId, id),
    close: async () => {},
  };
}
