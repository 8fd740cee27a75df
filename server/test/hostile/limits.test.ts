import { connect as netConnect } from 'node:net';
import { BODY_FIELD } from '@clausewright/schema';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_POLICY, CLOSE_TOO_BIG } from '../../src/limits/closeCodes.ts';
import type { DocumentStore } from '../../src/storage/DocumentStore.ts';
import { connect, synced, waitFor } from '../collab/startCollab.ts';
import { clientFrame, rawBurst } from './rawBurst.ts';
import {
  awarenessFrame,
  type HostileServer,
  openAccepted,
  openRaw,
  startHostileApp,
  updateFrame,
} from './startHostileApp.ts';

let server: HostileServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const limitCount = (s: HostileServer, kind: string) => s.metrics.limitCloses.get({ kind });

/** A Y.Text update `chars` long, as a fresh client would send it. */
function textUpdate(chars: number, doc = new Y.Doc()): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(0, 'x'.repeat(chars));
  return Y.encodeStateAsUpdate(doc, before);
}

/** An awareness update for one client, with `state`. */
function awarenessUpdate(clientId: number, clock: number, state: unknown): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return new Uint8Array([1, ...varint(clientId), ...varint(clock), ...varint(json.length), ...json]);
}

function varint(n: number): number[] {
  const out: number[] = [];
  let rest = n;
  while (rest > 0x7f) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}

describe('collab limits', () => {
  it('closes a connection that sends a message over maxMessageBytes with 1009, and counts it', async () => {
    server = await startHostileApp({ limits: { maxMessageBytes: 1024 } });
    await server.scratch('limits-a');
    const { ws, ended } = await openAccepted(`${server.wsUrl}/limits-a`, server.headers);
    ws.send(updateFrame(textUpdate(2000)));
    expect((await ended).code).toBe(CLOSE_TOO_BIG);
    await waitFor(() => limitCount(server as HostileServer, 'message_size') === 1);
    // Only the empty update that created it.
    expect(await server.store.load('limits-a')).toHaveLength(1);
  });

  it('refuses an update that would grow a document past maxDocumentBytes; what came before stays', async () => {
    server = await startHostileApp({ limits: { maxDocumentBytes: 10_000 } });
    await server.scratch('limits-b');
    const doc = new Y.Doc();
    const first = await openAccepted(`${server.wsUrl}/limits-b`, server.headers);
    first.ws.send(updateFrame(textUpdate(6000, doc)));
    await waitFor(async () => (await server?.store.load('limits-b'))?.length === 2);
    first.ws.send(updateFrame(textUpdate(6000, doc)));
    const ending = await first.ended;
    expect(ending.code).toBe(CLOSE_POLICY);
    expect(ending.reason).toBe('document size limit (10000 bytes) reached');
    expect(limitCount(server, 'document_size')).toBe(1);
    const stored = new Y.Doc();
    for (const u of await server.store.load('limits-b')) Y.applyUpdate(stored, u);
    expect(stored.getText('t').length).toBe(6000);
  });

  it('refuses connections over maxConnectionsPerUser by account (not display name), and takes one again once a slot frees', async () => {
    server = await startHostileApp({ limits: { maxConnectionsPerUser: 2 } });
    await server.scratch('limits-c');
    const mallory = { authorization: (await server.userWith('mallory', { 'limits-c': 'editor' })).authorization };
    const alice = { authorization: (await server.userWith('alice', { 'limits-c': 'editor' })).authorization };
    // A different ?name= on each does not make them different users.
    const url = (n: number) => `${server?.wsUrl}/limits-c?name=mallory${n}`;
    const a = await openAccepted(url(1), mallory);
    await openAccepted(url(2), mallory);
    const third = await openAccepted(url(3), mallory);
    const ending = await third.ended;
    expect(ending).toEqual({ code: CLOSE_POLICY, reason: 'too many connections for this user (limit 2)' });
    expect(limitCount(server, 'connections_per_user')).toBe(1);
    // Someone else is not affected.
    const other = await openAccepted(`${server.wsUrl}/limits-c?name=mallory`, alice);
    expect(other.ws.readyState).toBe(other.ws.OPEN);
    a.ws.close();
    await a.ended;
    await waitFor(() => server?.metrics.connections.get() === 2);
    const again = await openAccepted(url(4), mallory);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(again.ws.readyState).toBe(again.ws.OPEN);
  });

  it('refuses connections over maxConnectionsPerIp, before loading the document', async () => {
    server = await startHostileApp({ limits: { maxConnectionsPerIp: 2 } });
    await server.scratch('limits-d');
    await server.scratch('limits-other');
    await openAccepted(`${server.wsUrl}/limits-d?name=a`, server.headers);
    await openAccepted(`${server.wsUrl}/limits-d?name=b`, server.headers);
    const third = await openAccepted(`${server.wsUrl}/limits-other?name=c`, server.headers);
    expect(await third.ended).toEqual({
      code: CLOSE_POLICY,
      reason: 'too many connections from this address (limit 2)',
    });
    expect(limitCount(server, 'connections_per_ip')).toBe(1);
    expect(server.hub.loadedDocIds()).not.toContain('limits-other');
  });

  it('closes a connection sending more awareness updates per second than maxAwarenessPerSecond', async () => {
    server = await startHostileApp({ limits: { maxAwarenessPerSecond: 5 } });
    await server.scratch('limits-e');
    const { ws, ended } = await openAccepted(`${server.wsUrl}/limits-e`, server.headers);
    for (let clock = 1; clock <= 10; clock++) ws.send(awarenessFrame(awarenessUpdate(42, clock, { cursor: clock })));
    expect(await ended).toEqual({ code: CLOSE_POLICY, reason: 'too many awareness updates (limit 5/s)' });
    expect(limitCount(server, 'awareness_rate')).toBe(1);
  });

  it('lets an honest rate of awareness updates through', async () => {
    server = await startHostileApp({ limits: { maxAwarenessPerSecond: 5 } });
    await server.scratch('limits-e2');
    const { ws } = await openAccepted(`${server.wsUrl}/limits-e2`, server.headers);
    for (let clock = 1; clock <= 6; clock++) {
      ws.send(awarenessFrame(awarenessUpdate(42, clock, { cursor: clock })));
      // 4 a second, under the limit of 5.
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(ws.readyState).toBe(ws.OPEN);
    expect(limitCount(server, 'awareness_rate')).toBe(0);
  });

  it('does not count echoes of awareness the server already has (y-websocket sends every change back)', async () => {
    server = await startHostileApp({ limits: { maxAwarenessPerSecond: 5 } });
    await server.scratch('limits-e3');
    const owner = await openAccepted(`${server.wsUrl}/limits-e3`, server.headers);
    owner.ws.send(awarenessFrame(awarenessUpdate(42, 1, { cursor: 1 })));
    await waitFor(() => server?.hub.loaded('limits-e3')?.awareness.states.has(42) === true);
    const echoer = await openAccepted(`${server.wsUrl}/limits-e3`, server.headers);
    for (let i = 0; i < 30; i++) echoer.ws.send(awarenessFrame(awarenessUpdate(42, 1, { cursor: 1 })));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(echoer.ws.readyState).toBe(echoer.ws.OPEN);
    expect(limitCount(server, 'awareness_rate')).toBe(0);
  });

  it('closes a connection bringing more awareness clients than maxAwarenessClients', async () => {
    server = await startHostileApp({ limits: { maxAwarenessClients: 2 } });
    await server.scratch('limits-e4');
    const { ws, ended } = await openAccepted(`${server.wsUrl}/limits-e4`, server.headers);
    for (let id = 1; id <= 3; id++) ws.send(awarenessFrame(awarenessUpdate(100 + id, 1, { n: id })));
    expect(await ended).toEqual({ code: CLOSE_POLICY, reason: 'too many awareness clients (limit 2)' });
    expect(limitCount(server, 'awareness_clients')).toBe(1);
    expect(server.hub.loaded('limits-e4')?.awareness.states.has(103)).toBe(false);
  });

  it('closes a connection sending an awareness state over maxAwarenessBytes', async () => {
    server = await startHostileApp({ limits: { maxAwarenessBytes: 100 } });
    await server.scratch('limits-f');
    const { ws, ended } = await openAccepted(`${server.wsUrl}/limits-f`, server.headers);
    ws.send(awarenessFrame(awarenessUpdate(42, 1, { name: 'x'.repeat(200) })));
    expect(await ended).toEqual({ code: CLOSE_POLICY, reason: 'awareness state too large (limit 100 bytes)' });
    expect(limitCount(server, 'awareness_size')).toBe(1);
  });

  it('closes a connection asking for the document more often than maxSyncRequestsPerSecond', async () => {
    server = await startHostileApp({ limits: { maxSyncRequestsPerSecond: 3 } });
    const { ws, ended } = await openAccepted(`${server.wsUrl}/software-services-agreement`, server.headers);
    for (let i = 0; i < 6; i++) ws.send(new Uint8Array([0, 0, 1, 0]));
    expect(await ended).toEqual({ code: CLOSE_POLICY, reason: 'too many sync requests (limit 3/s)' });
    expect(limitCount(server, 'sync_rate')).toBe(1);
  });

  it('answers 429 to upgrade requests from one address over maxUpgradesPerIpPerSecond', async () => {
    server = await startHostileApp({ limits: { maxUpgradesPerIpPerSecond: 5 } });
    await server.scratch('limits-g');
    const results = await Promise.all(
      Array.from({ length: 12 }, () => openRaw(`${server?.wsUrl}/limits-g`, server?.headers)),
    );
    const refused = results.filter((r) => 'refused' in r).map((r) => ('refused' in r ? r.refused : null));
    expect(results.length - refused.length).toBe(5);
    expect(refused.every((r) => r?.status === 429)).toBe(true);
    expect(limitCount(server, 'upgrade_rate')).toBe(7);
    for (const r of results) if ('ws' in r) r.ws.close();
  });

  it('answers 503 once maxPendingUpgrades are waiting for their document, and serves them after', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowLoads = (store: DocumentStore): DocumentStore =>
      new Proxy(store, {
        get: (target, property, receiver) =>
          property === 'load'
            ? async (docId: string) => {
                await gate;
                return target.load(docId);
              }
            : Reflect.get(target, property, receiver),
      });
    server = await startHostileApp({ limits: { maxPendingUpgrades: 2 }, wrapStore: slowLoads });
    for (const id of ['limits-h', 'limits-i', 'limits-j']) await server.scratch(id);
    const waiting = [
      openRaw(`${server.wsUrl}/limits-h`, server.headers),
      openRaw(`${server.wsUrl}/limits-i`, server.headers),
    ];
    await new Promise((resolve) => setTimeout(resolve, 100));
    const third = await openRaw(`${server.wsUrl}/limits-j`, server.headers);
    expect('refused' in third && third.refused.status).toBe(503);
    expect(limitCount(server, 'pending_upgrades')).toBe(1);
    release();
    for (const opened of await Promise.all(waiting)) {
      expect('ws' in opened).toBe(true);
      if ('ws' in opened) opened.ws.close();
    }
  });
});

describe('costly refusals', () => {
  it('cost the sending address a quarter second of upgrades each', async () => {
    server = await startHostileApp({ limits: { maxUpgradesPerIpPerSecond: 8 } });
    const id = 'software-services-agreement';
    const doc = new Y.Doc();
    const provider = connect(server.wsUrl, id, doc, 'reader', server.headers);
    await synced(provider);
    provider.destroy();
    const clause = doc
      .getXmlFragment(BODY_FIELD)
      .toArray()
      .find((b): b is Y.XmlElement => b instanceof Y.XmlElement && b.nodeName === 'clause') as Y.XmlElement;
    const before = Y.encodeStateVector(doc);
    clause.insert(0, [new Y.XmlElement('paragraph')]);
    const nested = Y.encodeStateAsUpdate(doc, before);
    // 8 upgrades a second: five refusals at once take 5 + 5 × 2; without the penalty 3 would be left.
    const sockets = await Promise.all(
      Array.from({ length: 5 }, () => openAccepted(`${server?.wsUrl}/${id}`, server?.headers)),
    );
    for (const { ws } of sockets) ws.send(updateFrame(nested));
    for (const { ended } of sockets) expect((await ended).reason).toMatch(/^update breaks the template/);
    const next = await openRaw(`${server.wsUrl}/${id}`, server.headers);
    expect('refused' in next && next.refused.status).toBe(429);
  });
});

describe('a connection refused over a limit', () => {
  it('that then sends broken websocket frames does not bring the server down', async () => {
    server = await startHostileApp({ limits: { maxConnectionsPerUser: 1, maxMessageBytes: 64 } });
    await server.scratch('limits-k');
    const first = await openAccepted(`${server.wsUrl}/limits-k?name=eve`, server.headers);
    // A reserved opcode, and a frame over maxMessageBytes: both are errors of ws' own frame parser.
    const reserved = Buffer.from([0x83, 0x80, 1, 2, 3, 4]);
    const oversize = clientFrame(new Uint8Array(100));
    for (const frame of [reserved, oversize]) {
      const end = await rawBurst(server.port, '/collab/limits-k?name=eve', [frame], server.headers);
      expect(end).toEqual({ code: CLOSE_POLICY });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(first.ws.readyState).toBe(first.ws.OPEN);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('a broken handshake', () => {
  it('is answered 400 before anything is loaded, and takes no connection slot', async () => {
    server = await startHostileApp({ limits: { maxConnectionsPerIp: 1 } });
    await server.scratch('limits-l');
    for (let i = 0; i < 3; i++) {
      const answer = await new Promise<string>((resolve) => {
        const socket = netConnect(server?.port ?? 0, '127.0.0.1', () =>
          socket.write(
            'GET /collab/limits-l HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
              'Sec-WebSocket-Key: nope\r\nSec-WebSocket-Version: 13\r\n\r\n',
          ),
        );
        let text = '';
        socket.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        socket.on('close', () => resolve(text));
      });
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    }
    expect(server.hub.loadedDocIds()).not.toContain('limits-l');
    const ok = await openAccepted(`${server.wsUrl}/limits-l`, server.headers);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ok.ws.readyState).toBe(ok.ws.OPEN);
  });
});
