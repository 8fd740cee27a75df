import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { prng } from '../../server/test/prng.ts';

// One of the processes bench/scale/runScale.ts forks: hosts some y-websocket clients, each connected to one of the
// instances (client g of the whole run to instance g mod N), types on command and reports when each keystroke was
// applied and when each remote keystroke was observed, on the shared wall clock, with the instances involved.
export type ScaleRequest =
  | { type: 'join'; wsUrls: string[]; docName: string; clients: number; firstIndex: number; seed: number }
  | { type: 'type'; startAt: number; durationMs: number; intervalMs: number; drainQuietMs: number }
  /** Quads: client id, clock, time, instance index of the sender. */
  | { type: 'sends'; sends: Float64Array }
  | { type: 'exit' };

export type ScaleReply =
  | { type: 'joined' }
  | { type: 'typed'; sends: Float64Array; typed: number }
  | {
      type: 'samples';
      /** Latency of deliveries between clients of different instances. */
      cross: Float64Array;
      /** Latency of deliveries between clients of the same instance (for comparison). */
      same: Float64Array;
      /** Deliveries observed in all. */
      received: number;
      /** When the last delivery was observed. */
      lastAt: number;
      /** Remote transactions the clients applied (one per message received). */
      transactions: number;
      /** CPU (user + system) this process spent since it joined, µs. */
      cpuMicros: number;
    };

const { WebSocket } = createRequire(import.meta.url)('ws') as { WebSocket: unknown };
const SYNC_TIMEOUT_MS = 60_000;
const DRAIN_MAX_MS = 15_000;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const reply = (message: ScaleReply) => process.send?.(message);

const docs: { doc: Y.Doc; instance: number }[] = [];
const providers: WebsocketProvider[] = [];
/** Receipts as flat quads: client, clock, time, receiving instance. */
let receipts: number[] = [];
let lastReceipt = 0;
let transactions = 0;
let cpuAtJoin = 0;
let random = prng(1);

const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

async function join(request: Extract<ScaleRequest, { type: 'join' }>): Promise<void> {
  random = prng(request.seed);
  process.setMaxListeners(request.clients + 10);
  for (let i = 0; i < request.clients; i++) {
    const instance = (request.firstIndex + i) % request.wsUrls.length;
    const doc = new Y.Doc();
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.local) return;
      const t = now();
      lastReceipt = t;
      transactions++;
      for (const [client, after] of tr.afterState) {
        for (let clock = tr.beforeState.get(client) ?? 0; clock < after; clock++) {
          receipts.push(client, clock, t, instance);
        }
      }
    });
    docs.push({ doc, instance });
    providers.push(
      new WebsocketProvider(request.wsUrls[instance] as string, request.docName, doc, {
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
  receipts = [];
  transactions = 0;
  cpuAtJoin = cpuMicros();
  reply({ type: 'joined' });
}

async function type(request: Extract<ScaleRequest, { type: 'type' }>): Promise<void> {
  const sends: number[] = [];
  let typed = 0;
  const stopAt = request.startAt + request.durationMs;
  const timers: NodeJS.Timeout[] = [];
  await sleep(Math.max(0, request.startAt - now()));
  for (const { doc, instance } of docs) {
    const text = doc.getText('bench');
    const keystroke = () => {
      if (now() >= stopAt) return;
      const clock = Y.getState(doc.store, doc.clientID);
      const index = Math.floor(random() * (text.length + 1));
      sends.push(doc.clientID, clock, now(), instance);
      text.insert(index, String.fromCharCode(97 + Math.floor(random() * 26)));
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
  const drainUntil = now() + DRAIN_MAX_MS;
  while (now() < drainUntil && now() - lastReceipt < request.drainQuietMs) await sleep(100);
  reply({ type: 'typed', sends: Float64Array.from(sends), typed });
}

function samples(all: Float64Array): void {
  const sentFrom = new Map<number, Map<number, [number, number]>>();
  for (let i = 0; i < all.length; i += 4) {
    const client = all[i] as number;
    let clocks = sentFrom.get(client);
    if (!clocks) {
      clocks = new Map();
      sentFrom.set(client, clocks);
    }
    clocks.set(all[i + 1] as number, [all[i + 2] as number, all[i + 3] as number]);
  }
  const cross: number[] = [];
  const same: number[] = [];
  let received = 0;
  let lastAt = 0;
  for (let i = 0; i < receipts.length; i += 4) {
    const sent = sentFrom.get(receipts[i] as number)?.get(receipts[i + 1] as number);
    if (!sent) continue;
    received++;
    const at = receipts[i + 2] as number;
    lastAt = Math.max(lastAt, at);
    (sent[1] !== receipts[i + 3] ? cross : same).push(at - sent[0]);
  }
  reply({
    type: 'samples',
    cross: Float64Array.from(cross),
    same: Float64Array.from(same),
    received,
    lastAt,
    transactions,
    cpuMicros: cpuMicros() - cpuAtJoin,
  });
}

process.on('message', (message: ScaleRequest) => {
  const fail = (error: unknown) => {
    console.error(error);
    process.exit(1);
  };
  if (message.type === 'join') join(message).catch(fail);
  else if (message.type === 'type') type(message).catch(fail);
  else if (message.type === 'sends') samples(message.sends);
  else {
    for (const p of providers) p.destroy();
    for (const { doc } of docs) doc.destroy();
    process.exit(0);
  }
});
