import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { prng } from '../../server/test/prng.ts';

// One of the processes bench/sync/load.ts forks: hosts some of the y-websocket clients, types on command and
// reports when each keystroke was applied and when each remote keystroke was observed, on the shared wall clock
// (performance.timeOrigin + performance.now(), comparable across processes on one machine).
export type WorkerRequest =
  | { type: 'join'; wsUrl: string; docName: string; clients: number; seed: number }
  | { type: 'type'; startAt: number; durationMs: number; intervalMs: number }
  | { type: 'sends'; sends: Float64Array }
  | { type: 'exit' };

export type WorkerReply =
  | { type: 'joined' }
  | { type: 'typed'; sends: Float64Array; typed: number; elu: number }
  | { type: 'samples'; samples: Float64Array };

const { WebSocket } = createRequire(import.meta.url)('ws') as { WebSocket: unknown };
const SYNC_TIMEOUT_MS = 60_000;
// Deliveries still arriving this long after typing stopped are waited for; a quiet second ends the wait.
const DRAIN_MAX_MS = 10_000;
const DRAIN_QUIET_MS = 1000;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const reply = (message: WorkerReply) => process.send?.(message);

const docs: Y.Doc[] = [];
const providers: WebsocketProvider[] = [];
/** Receipts as flat triples: client, clock, time. */
let receipts: number[] = [];
let lastReceipt = 0;
let random = prng(1);

async function join(request: Extract<WorkerRequest, { type: 'join' }>): Promise<void> {
  random = prng(request.seed);
  process.setMaxListeners(request.clients + 10);
  for (let i = 0; i < request.clients; i++) {
    const doc = new Y.Doc();
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.local) return;
      const t = now();
      lastReceipt = t;
      for (const [client, after] of tr.afterState) {
        for (let clock = tr.beforeState.get(client) ?? 0; clock < after; clock++) receipts.push(client, clock, t);
      }
    });
    docs.push(doc);
    providers.push(
      new WebsocketProvider(request.wsUrl, request.docName, doc, {
        WebSocketPolyfill: WebSocket as never,
        disableBc: true,
      }),
    );
  }
  const deadline = Date.now() + SYNC_TIMEOUT_MS;
  while (!providers.every((p) => p.synced)) {
    if (Date.now() > deadline) throw new Error(`only ${providers.filter((p) => p.synced).length} clients synced`);
    await sleep(20);
  }
  // Whatever arrived while joining is not a keystroke.
  receipts = [];
  reply({ type: 'joined' });
}

async function type(request: Extract<WorkerRequest, { type: 'type' }>): Promise<void> {
  const sends: number[] = [];
  let typed = 0;
  const stopAt = request.startAt + request.durationMs;
  const timers: NodeJS.Timeout[] = [];
  await sleep(Math.max(0, request.startAt - now()));
  const elu0 = performance.eventLoopUtilization();
  for (const doc of docs) {
    const text = doc.getText('bench');
    const keystroke = () => {
      if (now() >= stopAt) return;
      const clock = Y.getState(doc.store, doc.clientID);
      const index = Math.floor(random() * (text.length + 1));
      const char = String.fromCharCode(97 + Math.floor(random() * 26));
      sends.push(doc.clientID, clock, now());
      text.insert(index, char);
      typed++;
    };
    timers.push(
      setTimeout(() => {
        keystroke();
        timers.push(setInterval(keystroke, request.intervalMs));
      }, random() * request.intervalMs),
    );
  }
  await sleep(Math.max(0, stopAt - now()));
  for (const t of timers) clearInterval(t);
  const elu = performance.eventLoopUtilization(elu0).utilization;
  const drainUntil = now() + DRAIN_MAX_MS;
  while (now() < drainUntil && now() - lastReceipt < DRAIN_QUIET_MS) await sleep(100);
  reply({ type: 'typed', sends: Float64Array.from(sends), typed, elu });
}

function samples(all: Float64Array): void {
  const sentAt = new Map<number, Map<number, number>>();
  for (let i = 0; i < all.length; i += 3) {
    const client = all[i] as number;
    let clocks = sentAt.get(client);
    if (!clocks) {
      clocks = new Map();
      sentAt.set(client, clocks);
    }
    clocks.set(all[i + 1] as number, all[i + 2] as number);
  }
  const out: number[] = [];
  for (let i = 0; i < receipts.length; i += 3) {
    const sent = sentAt.get(receipts[i] as number)?.get(receipts[i + 1] as number);
    if (sent !== undefined) out.push((receipts[i + 2] as number) - sent);
  }
  reply({ type: 'samples', samples: Float64Array.from(out) });
}

process.on('message', (message: WorkerRequest) => {
  const fail = (error: unknown) => {
    console.error(error);
    process.exit(1);
  };
  if (message.type === 'join') join(message).catch(fail);
  else if (message.type === 'type') type(message).catch(fail);
  else if (message.type === 'sends') samples(message.sends);
  else {
    for (const p of providers) p.destroy();
    for (const d of docs) d.destroy();
    process.exit(0);
  }
});
