import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { type AttachedCollab, attachCollab } from '../../src/collab/attachCollab.ts';
import { DocumentHub, type DocumentHubOptions } from '../../src/collab/DocumentHub.ts';
import { createLogger } from '../../src/createLogger.ts';
import type { DocumentStore } from '../../src/storage/index.ts';

export interface CollabServer {
  hub: DocumentHub;
  collab: AttachedCollab;
  server: Server;
  port: number;
  /** `ws://127.0.0.1:<port>/collab`, the y-websocket server URL (the room is the doc id). */
  url: string;
  /** Closes the transport, the hub and the HTTP server (once; later calls share it); the store stays open. */
  close(): Promise<void>;
}

const quiet = createLogger('silent');

/** Serves `store` over collab websockets on a free port. */
export async function startCollab(store: DocumentStore, options: DocumentHubOptions = {}): Promise<CollabServer> {
  const hub = new DocumentHub(store, { logger: quiet, ...options });
  const server = createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  const collab = attachCollab(server, hub, { logger: quiet, authenticate: null });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  const close = async () => {
    await collab.close();
    await hub.close();
    await new Promise<void>((resolve, reject) => {
      server.close((e) => (e ? reject(e) : resolve()));
      server.closeAllConnections();
    });
  };
  return {
    hub,
    collab,
    server,
    port,
    url: `ws://127.0.0.1:${port}/collab`,
    close: () => {
      closing ??= close();
      return closing;
    },
  };
}

/** A y-websocket client in Node; `headers` go on its upgrade requests (e.g. `authorization` or `cookie`). */
export function connect(
  url: string,
  docId: string,
  doc: Y.Doc,
  name = 'tester',
  headers?: Record<string, string>,
): WebsocketProvider {
  const Socket = headers
    ? class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers });
        }
      }
    : WebSocket;
  return new WebsocketProvider(url, docId, doc, {
    // biome-ignore lint/suspicious/noExplicitAny: ws is API-compatible with the browser WebSocket the provider expects.
    WebSocketPolyfill: Socket as any,
    params: { name },
    disableBc: true,
  });
}

/** Resolves once the provider has synced with the server. */
export function synced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
}

/** Polls `check` until it returns true. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
