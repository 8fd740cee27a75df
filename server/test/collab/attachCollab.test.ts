import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DEFAULT_COLLAB_LIMITS } from '../../src/limits/CollabLimits.ts';
import type { DocumentStore } from '../../src/storage/index.ts';
import { SqliteStore } from '../../src/storage/index.ts';
import { type CollabServer, connect, sleep, startCollab, synced, waitFor } from './startCollab.ts';

let dir: string;
let dbFile: string;
let store: SqliteStore;
let running: CollabServer[];
let providers: WebsocketProvider[];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cw-collab-'));
  dbFile = path.join(dir, 'collab.db');
  store = SqliteStore.open(dbFile);
  running = [];
  providers = [];
});

afterEach(async () => {
  for (const p of providers) p.destroy();
  for (const s of running) await s.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function start(over: DocumentStore = store): Promise<CollabServer> {
  const s = await startCollab(over, { unloadAfterMs: 60_000 });
  running.push(s);
  return s;
}

async function client(
  s: CollabServer,
  docId: string,
  name = 'tester',
): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const doc = new Y.Doc();
  const provider = connect(s.url, docId, doc, name);
  providers.push(provider);
  await synced(provider);
  return { doc, provider };
}

const text = (doc: Y.Doc) => doc.getText('t').toString();

/** Opens a raw websocket; resolves with it once open, or rejects with the HTTP status of a refused upgrade. */
function rawSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => reject(Object.assign(new Error(body), { status: res.statusCode })));
    });
    ws.once('error', reject);
  });
}

/** `bytes` with lib0's varuint length prefix, as y-protocols frames a payload. */
function lengthPrefixed(bytes: Uint8Array): number[] {
  const prefix: number[] = [];
  let n = bytes.length;
  while (n > 0x7f) {
    prefix.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  prefix.push(n);
  return [...prefix, ...bytes];
}

function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

describe('attachCollab', () => {
  it('makes two clients converge and gives a late third client the full state', async () => {
    const s = await start();
    const a = await client(s, 'nda', 'alice');
    const b = await client(s, 'nda', 'bob');
    a.doc.getText('t').insert(0, 'hello');
    b.doc.getXmlFragment('body').insert(0, [new Y.XmlText('world')]);
    await waitFor(() => text(b.doc) === 'hello' && a.doc.getXmlFragment('body').length === 1);
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
    expect(a.doc.getXmlFragment('body').toString()).toBe(b.doc.getXmlFragment('body').toString());

    const c = await client(s, 'nda', 'carol');
    expect(text(c.doc)).toBe('hello');
    expect(c.doc.getXmlFragment('body').toString()).toBe(a.doc.getXmlFragment('body').toString());
    expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(a.doc));
  });

  it("gives a client joining after hundreds of edits, and one coming back with part of them, the peers' state", async () => {
    const s = await start();
    const a = await client(s, 'nda', 'alice');
    const b = await client(s, 'nda', 'bob');
    const away = new Y.Doc();
    for (let i = 0; i < 600; i++) {
      const t = (i % 2 ? a : b).doc.getText('t');
      t.insert(t.length ? i % t.length : 0, String(i % 10));
      if (i % 50 === 0) await sleep(0);
      if (i === 200) {
        await waitFor(() => text(a.doc) === text(b.doc));
        Y.applyUpdate(away, Y.encodeStateAsUpdate(a.doc));
      }
    }
    await waitFor(() => text(a.doc).length === 600 && text(a.doc) === text(b.doc));

    const late = await client(s, 'nda', 'carol');
    expect(Y.encodeStateAsUpdate(late.doc)).toEqual(Y.encodeStateAsUpdate(a.doc));
    const back = connect(s.url, 'nda', away, 'dave');
    providers.push(back);
    await synced(back);
    await waitFor(() => text(away) === text(a.doc));
    expect(Y.encodeStateVector(away)).toEqual(Y.encodeStateVector(a.doc));
  });

  it('keeps documents apart', async () => {
    const s = await start();
    const a = await client(s, 'doc-one');
    const b = await client(s, 'doc-two');
    a.doc.getText('t').insert(0, 'only in one');
    await sleep(100);
    expect(text(b.doc)).toBe('');
  });

  it('relays awareness between clients', async () => {
    const s = await start();
    const a = await client(s, 'nda', 'alice');
    const b = await client(s, 'nda', 'bob');
    a.provider.awareness.setLocalStateField('user', { name: 'alice' });
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'alice');
    a.provider.destroy();
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID));
  });

  it('keeps every update across a server restart', async () => {
    const first = await start();
    const a = await client(first, 'nda');
    const b = await client(first, 'nda');
    for (let i = 0; i < 20; i++) (i % 2 ? a : b).doc.getText('t').insert(0, String(i % 10));
    await waitFor(() => text(a.doc).length === 20 && text(b.doc).length === 20);
    const expected = text(a.doc);
    a.provider.destroy();
    b.provider.destroy();
    await first.close();
    await store.close();

    store = SqliteStore.open(dbFile);
    const second = await start();
    const doc = new Y.Doc();
    const reader = connect(second.url, 'nda', doc);
    providers.push(reader);
    await synced(reader);
    expect(text(doc)).toBe(expected);
  });

  it('stores an update before any other client sees it', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const events: string[] = [];
    let gated = false;
    const delayed: DocumentStore = {
      load: (docId) => store.load(docId),
      compact: (docId) => store.compact(docId),
      list: () => store.list(),
      create: (docId, update, summary) => store.create(docId, update, summary),
      setSummary: (docId, summary) => store.setSummary(docId, summary),
      summaries: () => store.summaries(),
      summary: (docId) => store.summary(docId),
      createVersion: (docId, version) => store.createVersion(docId, version),
      listVersions: (docId) => store.listVersions(docId),
      getVersion: (docId, version) => store.getVersion(docId, version),
      authorship: (docId) => store.authorship(docId),
      recordDocument: (document) => store.recordDocument(document),
      listDocuments: (filter) => store.listDocuments(filter),
      getDocument: (id) => store.getDocument(id),
      createValuesSet: (set) => store.createValuesSet(set),
      listValuesSets: (templateId) => store.listValuesSets(templateId),
      getValuesSet: (templateId, id) => store.getValuesSet(templateId, id),
      updateValuesSet: (templateId, id, patch) => store.updateValuesSet(templateId, id, patch),
      deleteValuesSet: (templateId, id) => store.deleteValuesSet(templateId, id),
      close: async () => {},
      append: async (docId, update, meta) => {
        if (gated) await gate;
        await store.append(docId, update, meta);
        events.push('stored');
      },
    };
    const s = await start(delayed);
    const a = await client(s, 'nda', 'alice');
    const b = await client(s, 'nda', 'bob');
    b.doc.on('update', () => events.push('seen'));
    gated = true;
    a.doc.getText('t').insert(0, 'durable first');
    await sleep(300);
    expect(text(b.doc)).toBe('');
    expect(events).toEqual([]);
    release();
    await waitFor(() => text(b.doc) === 'durable first');
    expect(events).toEqual(['stored', 'seen']);
    const stored = new Y.Doc();
    for (const u of await store.load('nda')) Y.applyUpdate(stored, u);
    expect(stored.getText('t').toString()).toBe('durable first');
  });

  it('sends the updates of one turn to each client as one message', async () => {
    const s = await start();
    const a = await client(s, 'nda');
    const b = await client(s, 'nda');
    const c = await client(s, 'nda');
    let received = 0;
    c.doc.on('update', () => received++);
    a.doc.getText('t').insert(0, 'a');
    b.doc.getText('t').insert(0, 'b');
    await waitFor(() => text(c.doc).length === 2);
    await sleep(50);
    // Both edits reach the server in one turn or two; either way nothing is lost and c got at most two messages.
    expect(received).toBeLessThanOrEqual(2);
    expect(text(a.doc)).toBe(text(c.doc));
  });

  it('refuses a document whose stored bytes are garbage and leaves them untouched', async () => {
    await store.append('broken', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    await store.append('broken', new Uint8Array([5, 5, 5, 5, 5, 5]));
    const before = await store.load('broken');
    const s = await start();
    const refused = await rawSocket(`${s.url}/broken`).then(
      () => null,
      (e: Error & { status?: number }) => e,
    );
    expect(refused?.status).toBe(500);
    expect(refused?.message).toContain('broken');
    expect(s.hub.loadedDocIds()).not.toContain('broken');
    expect(await store.load('broken')).toEqual(before);
    expect((await store.list()).find((d) => d.docId === 'broken')?.updates).toBe(2);
  });

  it('answers 404 for paths that are not collab documents', async () => {
    const s = await start();
    for (const bad of ['/collab/', '/collab/Not_Kebab', '/other/nda', '/collab/a/b']) {
      const result = await rawSocket(`ws://127.0.0.1:${s.port}${bad}`).then(
        () => null,
        (e: Error & { status?: number }) => e,
      );
      expect(result?.status, bad).toBe(404);
    }
  });

  it('refuses an update that depends on content the server lacks; a reconnect sends the missing part with it', async () => {
    const s = await start();
    const a = await client(s, 'nda', 'alice');
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    source.getText('t').insert(0, 'a');
    source.getText('t').insert(1, 'b');
    const ws = await rawSocket(`${s.url}/nda`);
    const done = closed(ws);
    // Sync "update" message carrying only the second insert: clock 1 of a client the server has never seen.
    ws.send(new Uint8Array([0, 2, ...lengthPrefixed(updates[1] as Uint8Array)]));
    expect((await done).code).toBe(1007);
    await sleep(50);
    expect(text(a.doc)).toBe('');

    // The same client coming back answers the server's state vector with everything past it.
    const back = connect(s.url, 'nda', source, 'again');
    providers.push(back);
    await synced(back);
    await waitFor(() => text(a.doc) === 'ab');
    const stored = new Y.Doc();
    for (const u of await store.load('nda')) Y.applyUpdate(stored, u);
    expect(stored.getText('t').toString()).toBe('ab');
  });

  it('closes only the connection that sends a malformed frame', async () => {
    const s = await start();
    const a = await client(s, 'nda', 'alice');
    const b = await client(s, 'nda', 'bob');
    const frames = [
      new Uint8Array([0, 0xff]), // truncated varint
      new Uint8Array([7, 1, 2]), // unknown message type
      new Uint8Array([0, 2, 8, 1, 2, 3, 4, 5, 6, 7, 8]), // well framed, not a Yjs update
      new Uint8Array([1, 4, 9, 9, 9, 9]), // garbage awareness update
      new Uint8Array([0x93, 0x11, 0xfe, 0x00, 0x42, 0x99, 0x01]), // random bytes
    ];
    for (const frame of frames) {
      const ws = await rawSocket(`${s.url}/nda`);
      const done = closed(ws);
      ws.send(frame);
      const { code } = await done;
      expect(code, String(frame)).toBe(1007);
    }
    const textFrame = await rawSocket(`${s.url}/nda`);
    const textDone = closed(textFrame);
    textFrame.send('hello');
    expect((await textDone).code).toBe(1007);

    a.doc.getText('t').insert(0, 'still working');
    await waitFor(() => text(b.doc) === 'still working');
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  });

  it('takes the default limits and counts into metrics of its own when given none', async () => {
    const s = await start();
    expect(s.collab.limits).toEqual(DEFAULT_COLLAB_LIMITS);
    await client(s, 'nda', 'alice');
    expect(s.collab.metrics.connections.get()).toBe(1);
    expect(s.collab.metrics.docsLoaded.get()).toBe(1);
  });

  it('ignores what a connection sends after the frame it was closed for', async () => {
    const s = await start();
    const a = await client(s, 'nda', 'alice');
    const source = new Y.Doc();
    source.getText('t').insert(0, 'smuggled');
    const ws = await rawSocket(`${s.url}/nda`);
    const done = closed(ws);
    ws.send(new Uint8Array([7, 7, 7]));
    ws.send(new Uint8Array([0, 2, ...lengthPrefixed(Y.encodeStateAsUpdate(source))]));
    expect((await done).code).toBe(1007);
    await sleep(100);
    expect(text(a.doc)).toBe('');
    expect(await store.load('nda')).toEqual([]);
  });
});
