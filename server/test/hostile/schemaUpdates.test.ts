import { BODY_FIELD, templateSchema, yDocToTemplate } from '@clausewright/schema';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CLOSE_INVALID_UPDATE } from '../../src/collab/DocumentHub.ts';
import { connect, sleep, synced, waitFor } from '../collab/startCollab.ts';
import { typeIntoClause } from '../liveServer.ts';
import { type HostileServer, openAccepted, startHostileApp, updateFrame } from './startHostileApp.ts';

const ID = 'software-services-agreement';
let server: HostileServer;
let providers: WebsocketProvider[];

beforeEach(async () => {
  server = await startHostileApp();
  providers = [];
});
afterEach(async () => {
  for (const p of providers) p.destroy();
  await server.close();
});

async function join(name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const provider = connect(server.wsUrl, ID, doc, name, server.headers);
  providers.push(provider);
  await synced(provider);
  return doc;
}

/** The update `edit` makes to a copy of `doc`. */
function updateOf(doc: Y.Doc, edit: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  edit(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

const firstClause = (doc: Y.Doc) =>
  doc
    .getXmlFragment(BODY_FIELD)
    .toArray()
    .find((b): b is Y.XmlElement => b instanceof Y.XmlElement && b.nodeName === 'clause') as Y.XmlElement;

async function storedDoc(): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const u of await server.store.load(ID)) Y.applyUpdate(doc, u);
  return doc;
}

describe('schema-breaking updates against a live server', () => {
  it('close only the sender, reach no one, store nothing; honest editing goes on and stays valid', async () => {
    const alice = await join('alice');
    const bob = await join('bob');
    let bobUpdates = 0;
    bob.on('update', () => bobUpdates++);
    const storedBefore = await server.store.load(ID);

    const attacks = [
      (copy: Y.Doc) => firstClause(copy).insert(0, [new Y.XmlElement('paragraph')]),
      (copy: Y.Doc) => firstClause(copy).removeAttribute('id'),
      (copy: Y.Doc) => firstClause(copy).setAttribute('level', 'deep'),
      (copy: Y.Doc) => copy.getMap('meta').set('locale', 'xx'),
    ];
    for (const attack of attacks) {
      const { ws, ended } = await openAccepted(`${server.wsUrl}/${ID}?name=mallory`, server.headers);
      ws.send(updateFrame(updateOf(alice, attack)));
      const ending = await ended;
      expect(ending.code).toBe(CLOSE_INVALID_UPDATE);
      expect(ending.reason).toMatch(/^update breaks the template: /);
    }
    await sleep(100);
    expect(bobUpdates).toBe(0);
    expect(await server.store.load(ID)).toEqual(storedBefore);
    expect(server.metrics.rejectedFrames.get({ reason: 'schema' })).toBe(attacks.length);

    typeIntoClause(alice, '诚实的修改');
    await waitFor(() => firstClause(bob).toString().includes('诚实的修改'));
    expect(server.metrics.updates.get()).toBe(1);
    await waitFor(async () => (await server.store.load(ID)).length > storedBefore.length);
    const stored = await storedDoc();
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(alice));
    expect(() => yDocToTemplate(stored)).not.toThrow();
    templateSchema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(stored.getXmlFragment(BODY_FIELD))).check();
  });

  it('checks against what a server-side restore changed, not a stale copy', async () => {
    const alice = await join('alice');
    typeIntoClause(alice, 'v1 ');
    await waitFor(async () => (await server.store.load(ID)).length > 1);
    // A server-made change that never passed through the connection's checks.
    const hubDoc = await server.hub.open(ID);
    const state = server.hub.readState(hubDoc) as Uint8Array;
    const copy = new Y.Doc();
    Y.applyUpdate(copy, state);
    const before = Y.encodeStateVector(copy);
    copy.getXmlFragment(BODY_FIELD).insert(0, [Object.assign(new Y.XmlElement('clause'), {})]);
    (copy.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).setAttribute('id', 'restored');
    server.hub.applyServerUpdate(hubDoc, Y.encodeStateAsUpdate(copy, before), 'restore');
    await waitFor(() => alice.getXmlFragment(BODY_FIELD).length === copy.getXmlFragment(BODY_FIELD).length);
    // Typing into the restored clause depends on it: a stale copy would see missing content.
    typeIntoClause(alice, 'after restore', 'restored');
    await waitFor(async () => (await storedDoc()).getXmlFragment(BODY_FIELD).toString().includes('after restore'));
    expect(server.metrics.rejectedFrames.get({ reason: 'schema' })).toBe(0);
  });
});
