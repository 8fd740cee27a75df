import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CLOSE_INVALID_UPDATE } from '../../src/collab/DocumentHub.ts';
import { metricsHandler } from '../../src/metrics/metricsHandler.ts';
import { connect, synced, waitFor } from '../collab/startCollab.ts';
import { typeIntoClause } from '../liveServer.ts';
import { clientFrame, rawBurst } from './rawBurst.ts';
import { awarenessFrame, type HostileServer, openAccepted, startHostileApp, updateFrame } from './startHostileApp.ts';

const ID = 'software-development-contract';
let server: HostileServer;
let providers: WebsocketProvider[];

beforeEach(async () => {
  server = await startHostileApp();
  await server.scratch('metrics-doc');
  await server.scratch('metrics-ws');
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

/** The metrics as `GET /metrics` would serve them. */
function scrape(): string {
  let body = '';
  const res = {
    writeHead: () => res,
    end: (chunk: Buffer) => {
      body = chunk.toString('utf8');
    },
  };
  metricsHandler(server.metrics.registry)({ method: 'GET' } as never, res as never);
  return body;
}

describe('collab metrics', () => {
  it('count open connections, loaded documents, accepted updates and store latency', async () => {
    const alice = await join('alice');
    await join('bob');
    expect(scrape()).toContain('clausewright_collab_connections 2\n');
    expect(scrape()).toContain('clausewright_docs_loaded 1\n');
    typeIntoClause(alice, '一');
    typeIntoClause(alice, '二');
    await waitFor(() => server.metrics.updates.get() === 2 && server.metrics.storeAppendSeconds.count >= 2);
    expect(scrape()).toContain('clausewright_updates_total 2\n');
    expect(scrape()).toContain('clausewright_check_copies 1\n');
    for (const p of providers) p.destroy();
    await waitFor(() => server.metrics.connections.get() === 0);
  });

  it('count each refused frame by its reason', async () => {
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    source.getText('t').insert(0, 'a');
    source.getText('t').insert(1, 'b');
    const frames: [string | Uint8Array, string][] = [
      ['hello', 'text_frame'],
      [new Uint8Array([0, 0xff]), 'malformed_frame'],
      [new Uint8Array([7, 1, 2]), 'unknown_message'],
      [new Uint8Array([0, 9, 0]), 'unknown_message'],
      [updateFrame(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])), 'invalid_update'],
      [updateFrame(updates[1] as Uint8Array), 'missing_dependencies'],
      [awarenessFrame(new Uint8Array([1, 5, 1, 3, 0x7b, 0x7b, 0x7b])), 'invalid_awareness'],
      [awarenessFrame(new Uint8Array([1, 5, 1, 2, 0x31, 0x32])), 'invalid_awareness'],
    ];
    for (const [frame, reason] of frames) {
      const before = server.metrics.rejectedFrames.get({ reason });
      const { ws, ended } = await openAccepted(`${server.wsUrl}/metrics-doc`, server.headers);
      ws.send(frame);
      expect((await ended).code, reason).toBe(CLOSE_INVALID_UPDATE);
      expect(server.metrics.rejectedFrames.get({ reason }), reason).toBe(before + 1);
    }
    expect(scrape()).toContain('clausewright_rejected_frames_total{reason="unknown_message"} 2\n');
    expect(server.metrics.updates.get()).toBe(0);
  });

  it('count broken websocket frames (reserved opcodes, bad UTF-8) that ws itself refuses', async () => {
    const frames: [Buffer, number][] = [
      [Buffer.from([0x83, 0x80, 1, 2, 3, 4]), 1002],
      [clientFrame(new Uint8Array([0xc3, 0x28]), true), 1007],
    ];
    for (const [frame, code] of frames) {
      expect(await rawBurst(server.port, '/collab/metrics-ws', [frame], server.headers)).toEqual({ code });
    }
    expect(server.metrics.rejectedFrames.get({ reason: 'malformed_frame' })).toBe(2);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
