import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type CollabSession, DocumentHub, type DocumentHubOptions } from '../../src/collab/DocumentHub.ts';
import { createLogger } from '../../src/createLogger.ts';
import { SqliteStore } from '../../src/storage/index.ts';
import { sleep } from './startCollab.ts';

let dir: string;
let store: SqliteStore;
let hubs: DocumentHub[];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cw-readdoc-'));
  store = SqliteStore.open(path.join(dir, 'hub.db'));
  hubs = [];
});

afterEach(async () => {
  for (const hub of hubs) await hub.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function newHub(options: DocumentHubOptions = {}): DocumentHub {
  const hub = new DocumentHub(store, { unloadAfterMs: 60_000, logger: createLogger('silent'), ...options });
  hubs.push(hub);
  return hub;
}

const session: CollabSession = { name: 'editor', sendUpdate() {}, sendAwareness() {}, close() {} };

/** An editor's replica of the Y.Text "t"; `type` makes an edit and returns its update. */
function replica() {
  const doc = new Y.Doc();
  return {
    doc,
    type(at: number, text: string): Uint8Array {
      const before = Y.encodeStateVector(doc);
      doc.getText('t').insert(Math.min(at, doc.getText('t').length), text);
      return Y.encodeStateAsUpdate(doc, before);
    },
    erase(at: number, length: number): Uint8Array {
      const before = Y.encodeStateVector(doc);
      const t = doc.getText('t');
      t.delete(Math.min(at, t.length - 1), Math.min(length, t.length - Math.min(at, t.length - 1)));
      return Y.encodeStateAsUpdate(doc, before);
    },
  };
}

const textOf = (state: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const text = doc.getText('t').toString();
  doc.destroy();
  return text;
};

describe('DocumentHub.readDoc', () => {
  it('keeps one Y.Doc across reads and brings it up to date with every update received in between', async () => {
    const editor = replica();
    await store.append('nda', editor.type(0, 'start'));
    const hub = newHub();
    const hubDoc = await hub.open('nda');
    hub.connect(hubDoc, session);
    const first = hub.readDoc(hubDoc, (doc) => doc);
    expect(hubDoc.hasMirror).toBe(true);
    // Enough updates that some are applied while they arrive, some at the read; a fold in between.
    for (let i = 0; i < 400; i++) {
      hub.receiveUpdate(hubDoc, session, i % 7 === 6 ? editor.erase(i, 2) : editor.type(i * 3, `${i}`));
      if (i === 200) hub.readState(hubDoc);
    }
    const read = hub.readDoc(hubDoc, (doc, encodeState) => ({
      doc,
      text: doc.getText('t').toString(),
      state: encodeState(),
    }));
    expect(read.doc).toBe(first);
    expect(read.text).toBe(editor.doc.getText('t').toString());
    expect(textOf(read.state)).toBe(read.text);
    expect(textOf(hub.readState(hubDoc) as Uint8Array)).toBe(read.text);
    // Nothing pending: the state is the hub's own merged bytes.
    expect(hub.readDoc(hubDoc, (_doc, encodeState) => encodeState())).toBe(hub.readState(hubDoc));
    await hub.whenStored(hubDoc);
  });

  it('reads a document larger than the budget through a throwaway Y.Doc', async () => {
    const editor = replica();
    await store.append('big', editor.type(0, 'x'.repeat(4096)));
    const hub = newHub({ keepReadDocBytes: 1024 });
    const hubDoc = await hub.open('big');
    hub.connect(hubDoc, session);
    hub.receiveUpdate(hubDoc, session, editor.type(0, 'y'));
    const read = hub.readDoc(hubDoc, (doc, encodeState) => ({ doc, state: encodeState() }));
    expect(hubDoc.hasMirror).toBe(false);
    // Destroyed after the read: it was nobody's to keep.
    expect(read.doc.isDestroyed).toBe(true);
    expect(textOf(read.state)).toBe(`y${'x'.repeat(4096)}`);
    await hub.whenStored(hubDoc);
  });

  it('drops the least recently read Y.Doc to stay within the budget, and any after the keep time', async () => {
    const a = replica();
    const b = replica();
    await store.append('a', a.type(0, 'a'.repeat(3000)));
    await store.append('b', b.type(0, 'b'.repeat(3000)));
    const hub = newHub({ keepReadDocBytes: 5000, keepReadDocMs: 100 });
    const docA = await hub.open('a');
    const docB = await hub.open('b');
    hub.readDoc(docA, () => {});
    expect(docA.hasMirror).toBe(true);
    hub.readDoc(docB, () => {});
    expect(docB.hasMirror).toBe(true);
    expect(docA.hasMirror).toBe(false);
    await sleep(250);
    expect(docB.hasMirror).toBe(false);
    // Read again after being dropped: built afresh, same content.
    expect(hub.readDoc(docB, (doc) => doc.getText('t').length)).toBe(3000);
  });

  it('releases the kept Y.Doc when the document unloads', async () => {
    await store.append('nda', replica().type(0, 'text'));
    const hub = newHub({ unloadAfterMs: 20 });
    const hubDoc = await hub.open('nda');
    const kept = hub.readDoc(hubDoc, (doc) => doc);
    await sleep(200);
    expect(hubDoc.unloaded).toBe(true);
    expect(hubDoc.hasMirror).toBe(false);
    expect(kept.isDestroyed).toBe(true);
  });
});
