import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { setupWSConnection } from 'y-websocket-stock/bin/utils';
import * as Y from 'yjs';
import type { Connection } from '../state/uiStore.ts';
import { watchConnection } from './watchConnection.ts';

// A stock y-websocket server on a real socket; `port` pins a restart to the address the provider retries.
async function startServer(port = 0): Promise<WebSocketServer> {
  const wss = new WebSocketServer({ port, host: '127.0.0.1' });
  wss.on('connection', (socket, request) => setupWSConnection(socket, request));
  await new Promise<void>((resolve) => wss.on('listening', resolve));
  return wss;
}

async function stopServer(wss: WebSocketServer): Promise<void> {
  for (const client of wss.clients) client.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function open(port: number, room: string) {
  const ydoc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}`, room, ydoc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  provider.awareness.setLocalStateField('user', { name: room });
  const reports: Connection[] = [];
  const stop = watchConnection(ydoc, provider, (c) => reports.push(c));
  cleanups.push(() => {
    stop();
    provider.destroy();
    ydoc.destroy();
  });
  return { ydoc, provider, reports, latest: () => reports.at(-1) };
}

describe('watchConnection over a real websocket', () => {
  it('goes connecting → connected and counts no changes made while synced', async () => {
    const wss = await startServer();
    cleanups.push(() => stopServer(wss));
    const { ydoc, reports, latest } = open(wss.address().port, 'synced');
    expect(reports[0]?.state).toBe('connecting');
    await until(() => latest()?.state === 'connected', 'connected');
    ydoc.getText('t').insert(0, 'hello');
    ydoc.getText('t').insert(5, '!');
    expect(latest()).toMatchObject({ state: 'connected', unsynced: 0, lost: false });
  });

  it('counts edits made offline and resets once synced again after reconnecting', async () => {
    let wss = await startServer();
    const port = wss.address().port;
    cleanups.push(() => stopServer(wss));
    const writer = open(port, 'offline');
    await until(() => writer.latest()?.state === 'connected', 'connected');

    await stopServer(wss);
    await until(() => writer.latest()?.state === 'offline', 'offline');
    const text = writer.ydoc.getText('t');
    text.insert(0, 'a');
    text.insert(1, 'b');
    text.insert(2, 'c');
    expect(writer.latest()).toMatchObject({ state: 'offline', unsynced: 3, lost: true });

    wss = await startServer(port);
    await until(() => writer.latest()?.state === 'connected', 'reconnected');
    expect(writer.latest()).toMatchObject({ unsynced: 0, lost: false });

    // The offline edits really reached the server: a second client sees them.
    const reader = open(port, 'offline');
    await until(() => reader.ydoc.getText('t').toString() === 'abc', 'the offline edits on another client');
    await until(() => writer.latest()?.peers === 1, 'the peer to show up');
  });

  it('reports offline when the server was never reachable, and counts the edits made meanwhile', async () => {
    const wss = await startServer();
    const port = wss.address().port;
    await stopServer(wss);
    const { ydoc, latest } = open(port, 'never');
    await until(() => latest()?.state === 'offline', 'offline');
    ydoc.getMap('meta').set('title', 'x');
    expect(latest()?.unsynced).toBe(1);
  });
});
