import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type CollabSession, DocumentHub, type HubDocument } from '../../src/collab/DocumentHub.ts';
import { createLogger } from '../../src/createLogger.ts';
import type { HubRelay } from '../../src/relay/HubRelay.ts';
import { SqliteStore } from '../../src/storage/index.ts';
import { waitFor } from '../collab/startCollab.ts';

const DOC = 'hooks';
let store: SqliteStore;
let hub: DocumentHub;

beforeEach(() => {
  store = SqliteStore.open(':memory:');
  hub = new DocumentHub(store, { unloadAfterMs: 0, logger: createLogger('silent') });
});

afterEach(async () => {
  await hub.close();
  await store.close();
});

function session(name: string): CollabSession & { updates: Uint8Array[]; awareness: Uint8Array[] } {
  const s = {
    name,
    updates: [] as Uint8Array[],
    awareness: [] as Uint8Array[],
    sendUpdate: (u: Uint8Array) => s.updates.push(u),
    sendAwareness: (u: Uint8Array) => s.awareness.push(u),
    close: () => {},
  };
  return s;
}

/** Two updates by one writer: `base`, then `more` which depends on it. */
function twoUpdates(): { base: Uint8Array; more: Uint8Array; writer: Y.Doc } {
  const writer = new Y.Doc();
  writer.getText('t').insert(0, 'base');
  const base = Y.encodeStateAsUpdate(writer);
  const sv = Y.encodeStateVector(writer);
  writer.getText('t').insert(4, ' more');
  return { base, more: Y.encodeStateAsUpdate(writer, sv), writer };
}

const textOf = (hubDoc: HubDocument) => {
  const doc = hubDoc.toYDoc();
  const text = doc.getText('t').toString();
  doc.destroy();
  return text;
};

describe('DocumentHub relay hooks', () => {
  it('applies a relayed update to every session without storing it; known and dependent ones say so', async () => {
    const hubDoc = await hub.open(DOC);
    const s = session('s');
    hub.connect(hubDoc, s);
    const { base, more } = twoUpdates();
    expect(hub.applyRelayedUpdate(hubDoc, more)).toBe('missing');
    expect(hub.applyRelayedUpdate(hubDoc, base)).toBe('applied');
    expect(hub.applyRelayedUpdate(hubDoc, base)).toBe('known');
    expect(hub.applyRelayedUpdate(hubDoc, new Uint8Array([1, 2, 3]))).toBe('missing');
    expect(hub.applyRelayedUpdates(hubDoc, [more])).toEqual({ applied: 1, missing: false });
    expect(s.updates).toHaveLength(2);
    expect(textOf(hubDoc)).toBe('base more');
    await hub.whenStored(hubDoc);
    expect(await store.load(DOC)).toEqual([]);
  });

  it('catches up from the store by state vector, and a stale store takes nothing away', async () => {
    const hubDoc = await hub.open(DOC);
    const s = session('s');
    hub.connect(hubDoc, s);
    const { base, more } = twoUpdates();
    await store.append(DOC, base);
    expect(await hub.catchUp(hubDoc)).toBe('applied');
    expect(textOf(hubDoc)).toBe('base');
    expect(hub.applyRelayedUpdate(hubDoc, more)).toBe('applied');
    // The store still holds only `base` (as a slow store would): catching up changes nothing.
    expect(await hub.catchUp(hubDoc)).toBe('known');
    expect(textOf(hubDoc)).toBe('base more');
    expect(s.updates).toHaveLength(2);
  });

  it('tells the relay where a document opens, what was stored (after it is), session awareness, and unloads', async () => {
    const calls: string[] = [];
    // Appends resolve 20 ms late; `stored` must come after.
    let committed = 0;
    const slow = new Proxy(store, {
      get(t, prop) {
        if (prop === 'append') {
          return (docId: string, update: Uint8Array) =>
            t
              .append(docId, update)
              .then(() => new Promise<void>((resolve) => setTimeout(() => resolve(void committed++), 20)));
        }
        const value = Reflect.get(t, prop, t);
        return typeof value === 'function' ? value.bind(t) : value;
      },
    });
    await hub.close();
    hub = new DocumentHub(slow, { unloadAfterMs: 0, logger: createLogger('silent') });
    let committedWhenStored = -1;
    const relay: HubRelay = {
      opening: async (docId) => {
        calls.push(`opening ${docId}`);
      },
      opened: (hubDoc) => calls.push(`opened ${hubDoc.docId}`),
      closed: (docId) => calls.push(`closed ${docId}`),
      stored: (hubDoc) => {
        calls.push(`stored ${hubDoc.docId}`);
        committedWhenStored = committed;
      },
      awareness: (hubDoc) => calls.push(`awareness ${hubDoc.docId}`),
    };
    hub.useRelay(relay);
    const hubDoc = await hub.open(DOC);
    const s = session('s');
    hub.connect(hubDoc, s);
    const { base } = twoUpdates();
    hub.receiveUpdate(hubDoc, s, base);
    await hub.whenStored(hubDoc);
    expect(committedWhenStored).toBe(1);
    const client = new Awareness(new Y.Doc());
    client.setLocalState({ user: 'x' });
    hub.receiveAwareness(hubDoc, s, encodeAwarenessUpdate(client, [client.clientID]));
    // Relayed awareness is not sent back to the relay.
    const remote = new Awareness(new Y.Doc());
    remote.setLocalState({ user: 'y' });
    hub.applyRelayedAwareness(hubDoc, encodeAwarenessUpdate(remote, [remote.clientID]));
    expect(s.awareness).toHaveLength(2);
    hub.disconnect(hubDoc, s);
    await waitFor(() => calls.includes(`closed ${DOC}`));
    expect(calls).toEqual([
      `opening ${DOC}`,
      `opened ${DOC}`,
      `stored ${DOC}`,
      `awareness ${DOC}`,
      // The leaving session's awareness removal.
      `awareness ${DOC}`,
      `closed ${DOC}`,
    ]);
    client.destroy();
    remote.destroy();
  });
});
