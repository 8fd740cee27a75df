import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

// One of the processes clientFleet.ts forks: hosts some y-websocket clients (no awareness state, so only document
// traffic flows), records when each remote update arrived on the shared wall clock (performance.timeOrigin +
// performance.now(), comparable across processes on one machine) and reports when all are synced again after the
// server went away.
export type FleetRequest =
  | { type: 'join'; wsUrl: string; docs: string[]; headers?: Record<string, string>; edit: boolean }
  | { type: 'receipts' }
  | { type: 'watchResync' }
  | { type: 'exit' };

export type FleetReply =
  | { type: 'joined' }
  | { type: 'receipts'; receipts: Float64Array }
  | { type: 'watching' }
  | { type: 'resynced'; at: number }
  | { type: 'error'; message: string };

const { WebSocket } = createRequire(import.meta.url)('ws') as {
  WebSocket: new (url: string, protocols: string | string[] | undefined, options?: object) => object;
};
const SYNC_TIMEOUT_MS = 120_000;
const RESYNC_TIMEOUT_MS = 120_000;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const reply = (message: FleetReply) => process.send?.(message);

const docs: Y.Doc[] = [];
const providers: WebsocketProvider[] = [];
/** Receipts as flat triples: client, clock, time. */
let receipts: number[] = [];

async function join(request: Extract<FleetRequest, { type: 'join' }>): Promise<void> {
  process.setMaxListeners(request.docs.length + 10);
  const headers = request.headers;
  const Socket = headers
    ? class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers });
        }
      }
    : WebSocket;
  for (const name of request.docs) {
    const doc = new Y.Doc();
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.local) return;
      const t = now();
      for (const [client, after] of tr.afterState) {
        for (let clock = tr.beforeState.get(client) ?? 0; clock < after; clock++) receipts.push(client, clock, t);
      }
    });
    const provider = new WebsocketProvider(request.wsUrl, name, doc, {
      WebSocketPolyfill: Socket as never,
      disableBc: true,
      connect: false,
    });
    // An observer without presence: with a local state each of N clients' awareness goes to N−1 others.
    provider.awareness.setLocalState(null);
    provider.connect();
    docs.push(doc);
    providers.push(provider);
  }
  const deadline = Date.now() + SYNC_TIMEOUT_MS;
  while (!providers.every((p) => p.synced)) {
    if (Date.now() > deadline) throw new Error(`only ${providers.filter((p) => p.synced).length} clients synced`);
    await sleep(20);
  }
  // Each client leaves one edit, so a resync has content to exchange.
  if (request.edit) for (const doc of docs) doc.getText('bench').insert(0, 'x');
  // Whatever arrived while joining is not what is measured.
  await sleep(200);
  receipts = [];
  reply({ type: 'joined' });
}

/** Replies once every client has lost its connection and then synced with the (restarted) server again. */
async function watchResync(): Promise<void> {
  const down = providers.map(() => false);
  const onStatus = providers.map((_, i) => ({ status }: { status: string }) => {
    if (status === 'disconnected') down[i] = true;
  });
  providers.forEach((p, i) => {
    p.on('status', onStatus[i] as never);
  });
  reply({ type: 'watching' });
  const deadline = Date.now() + RESYNC_TIMEOUT_MS;
  while (!providers.every((p, i) => down[i] && p.synced)) {
    if (Date.now() > deadline) {
      throw new Error(`only ${providers.filter((p, i) => down[i] && p.synced).length} clients resynced`);
    }
    await sleep(5);
  }
  const at = now();
  providers.forEach((p, i) => {
    p.off('status', onStatus[i] as never);
  });
  reply({ type: 'resynced', at });
}

process.on('message', (message: FleetRequest) => {
  const fail = (error: unknown) => {
    reply({ type: 'error', message: String((error as Error)?.stack ?? error) });
  };
  if (message.type === 'join') join(message).catch(fail);
  else if (message.type === 'watchResync') watchResync().catch(fail);
  else if (message.type === 'receipts') reply({ type: 'receipts', receipts: Float64Array.from(receipts) });
  else {
    for (const p of providers) p.destroy();
    for (const d of docs) d.destroy();
    process.exit(0);
  }
});
