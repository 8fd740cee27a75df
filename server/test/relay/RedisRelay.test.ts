import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type CollabSession, DocumentHub, type HubDocument } from '../../src/collab/DocumentHub.ts';
import { createLogger } from '../../src/createLogger.ts';
import { attachRelay } from '../../src/relay/attachRelay.ts';
import type { RedisRelay } from '../../src/relay/RedisRelay.ts';
import { relayKeys } from '../../src/relay/relayKeys.ts';
import { SqliteStore } from '../../src/storage/index.ts';
import { sleep, waitFor } from '../collab/startCollab.ts';
import { dropKeys, freshPrefix, TEST_REDIS_URL } from './startInstances.ts';

const DOC = 'relay-unit';
const quiet = createLogger('silent');

let dir: string;
let prefix: string;
let store: SqliteStore;
let hubs: DocumentHub[];
let relays: RedisRelay[];
let redis: Redis;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cw-relay-unit-'));
  prefix = freshPrefix();
  // One store shared by both hubs, as instances share one database.
  store = SqliteStore.open(path.join(dir, 'shared.db'));
  hubs = [];
  relays = [];
  redis = new Redis(TEST_REDIS_URL, { protocol: 2 });
});

afterEach(async () => {
  for (const hub of hubs) await hub.close();
  for (const relay of relays) await relay.close();
  await store.close();
  redis.disconnect();
  await dropKeys(prefix);
  await rm(dir, { recursive: true, force: true });
});

/** An instance: a hub with its relay, under this test's prefix. */
async function instance(id: string, unloadAfterMs = 60_000): Promise<{ hub: DocumentHub; relay: RedisRelay }> {
  const hub = new DocumentHub(store, { unloadAfterMs, logger: quiet });
  const relay = await attachRelay(hub, { url: TEST_REDIS_URL, prefix, instanceId: id, logger: quiet });
  hubs.push(hub);
  relays.push(relay);
  return { hub, relay };
}

interface FakeSession extends CollabSession {
  doc: Y.Doc;
  awareness: Awareness;
}

/** A session that applies what it is sent to its own Y.Doc and awareness, as a client would. */
function session(name: string): FakeSession {
  const doc = new Y.Doc();
  const awareness = new Awareness(new Y.Doc());
  return {
    name,
    doc,
    awareness,
    sendUpdate: (u) => Y.applyUpdate(doc, u),
    sendAwareness: (u) => applyAwarenessUpdate(awareness, u, 'server'),
    close: () => {},
  };
}

async function joined(hub: DocumentHub, name: string): Promise<{ hubDoc: HubDocument; s: FakeSession }> {
  const hubDoc = await hub.open(DOC);
  const s = session(name);
  hub.connect(hubDoc, s);
  Y.applyUpdate(s.doc, hubDoc.encodeFullState());
  return { hubDoc, s };
}

/** `s` types `text` at the start of "t"; the update goes to `hub` as the session's. */
function type(hub: DocumentHub, hubDoc: HubDocument, s: FakeSession, text: string): Uint8Array {
  const before = Y.encodeStateVector(s.doc);
  s.doc.getText('t').insert(0, text);
  const update = Y.encodeStateAsUpdate(s.doc, before);
  hub.receiveUpdate(hubDoc, s, update);
  return update;
}

const text = (s: FakeSession) => s.doc.getText('t').toString();

describe('RedisRelay', () => {
  it('sends an update stored by one instance to the sessions of another, which does not store it again', async () => {
    const a = await instance('a');
    const b = await instance('b');
    const onA = await joined(a.hub, 'ann');
    const onB = await joined(b.hub, 'bob');
    type(a.hub, onA.hubDoc, onA.s, 'hello');
    await waitFor(() => text(onB.s) === 'hello', 3000);
    type(b.hub, onB.hubDoc, onB.s, 'well, ');
    await waitFor(() => text(onA.s) === 'well, hello', 3000);
    await a.hub.whenStored(onA.hubDoc);
    await b.hub.whenStored(onB.hubDoc);
    await sleep(100);
    // One row per update: each was stored by the instance its session sent it to, and only there.
    expect(await store.load(DOC)).toHaveLength(2);
    expect(a.relay.stats.applied).toBe(1);
    expect(b.relay.stats.applied).toBe(1);
  });

  it('relays the last update of a session that left, stored while its document unloads', async () => {
    const a = await instance('a', 0);
    const b = await instance('b');
    const onA = await joined(a.hub, 'ann');
    const onB = await joined(b.hub, 'bob');
    type(a.hub, onA.hubDoc, onA.s, 'last words');
    a.hub.disconnect(onA.hubDoc, onA.s);
    await waitFor(() => text(onB.s) === 'last words', 3000);
  });

  it('catches up from the store when entries were trimmed before it read them (the feed number skips)', async () => {
    const a = await instance('a');
    const b = await instance('b');
    const onB = await joined(b.hub, 'bob');
    const onA = await joined(a.hub, 'ann');
    type(a.hub, onA.hubDoc, onA.s, 'seen');
    await waitFor(() => text(onB.s) === 'seen', 3000);
    // An update stored by some instance whose entry was trimmed away: only the store has it.
    const writer = new Y.Doc();
    Y.applyUpdate(writer, onA.hubDoc.encodeFullState());
    const before = Y.encodeStateVector(writer);
    writer.getText('t').insert(4, ' and trimmed');
    await store.append(DOC, Y.encodeStateAsUpdate(writer, before));
    // The next entry b reads is numbered two past the last one: one entry is missing.
    const { stream } = relayKeys(prefix, DOC);
    const [[, fields] = ['', []]] = (await redis.call('XREVRANGE', stream, '+', '-', 'COUNT', 1)) as [
      string,
      string[],
    ][];
    const n = Number(fields[fields.indexOf('n') + 1]);
    await redis.xadd(
      stream,
      '*',
      'n',
      String(n + 2),
      'o',
      'elsewhere',
      'k',
      'u',
      'u',
      Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())),
    );
    await waitFor(() => text(onB.s) === 'seen and trimmed', 3000);
    expect(b.relay.stats.gaps).toBeGreaterThan(0);
    expect(b.relay.stats.catchUps).toBeGreaterThan(0);
  });

  it('catches up from the store when Redis lost its keys (restarted empty): the feed number starts again', async () => {
    const a = await instance('a');
    const b = await instance('b');
    const onA = await joined(a.hub, 'ann');
    const onB = await joined(b.hub, 'bob');
    type(a.hub, onA.hubDoc, onA.s, 'one');
    await waitFor(() => text(onB.s) === 'one', 3000);
    await dropKeys(prefix);
    // Stored by some instance, its entry gone with the keys.
    const writer = new Y.Doc();
    writer.getText('t').insert(0, 'lost? ');
    await store.append(DOC, Y.encodeStateAsUpdate(writer));
    type(a.hub, onA.hubDoc, onA.s, 'two ');
    await waitFor(() => text(onB.s) === text(onA.s) && text(onB.s).includes('lost? '), 3000);
    expect(b.relay.stats.gaps).toBeGreaterThan(0);
  });

  it('catches up from the store when a relayed update depends on content it lacks', async () => {
    const b = await instance('b');
    const onB = await joined(b.hub, 'bob');
    const writer = new Y.Doc();
    writer.getText('t').insert(0, 'base');
    const base = Y.encodeStateAsUpdate(writer);
    const sv = Y.encodeStateVector(writer);
    writer.getText('t').insert(4, ' and more');
    const more = Y.encodeStateAsUpdate(writer, sv);
    await store.append(DOC, base);
    await store.append(DOC, more);
    // Numbered right after the last entry (no gap), but `more` needs `base`, which b never got from the feed.
    const keys = relayKeys(prefix, DOC);
    const n = await redis.incr(keys.counter);
    await redis.xadd(keys.stream, '*', 'n', String(n), 'o', 'elsewhere', 'k', 'u', 'u', Buffer.from(more));
    await waitFor(() => text(onB.s) === 'base and more', 3000);
    expect(b.relay.stats.gaps).toBeGreaterThan(0);
  });

  it('relays awareness both ways, and the removal when a session leaves', async () => {
    const a = await instance('a');
    const b = await instance('b');
    const onA = await joined(a.hub, 'ann');
    const onB = await joined(b.hub, 'bob');
    const client = new Awareness(new Y.Doc());
    client.setLocalState({ user: { name: 'ann' } });
    a.hub.receiveAwareness(onA.hubDoc, onA.s, encodeAwarenessUpdate(client, [client.clientID]));
    await waitFor(() => onB.s.awareness.getStates().get(client.clientID)?.user?.name === 'ann', 3000);
    a.hub.disconnect(onA.hubDoc, onA.s);
    await waitFor(() => !onB.s.awareness.getStates().has(client.clientID), 3000);
    client.destroy();
  });

  it('shows a newly opened instance the states of those already editing elsewhere at once', async () => {
    const a = await instance('a');
    const onA = await joined(a.hub, 'ann');
    const client = new Awareness(new Y.Doc());
    client.setLocalState({ user: { name: 'ann' } });
    a.hub.receiveAwareness(onA.hubDoc, onA.s, encodeAwarenessUpdate(client, [client.clientID]));
    const b = await instance('b');
    const hubDoc = await b.hub.open(DOC);
    await waitFor(() => hubDoc.awareness.getStates().has(client.clientID), 3000);
    client.destroy();
  });
});
