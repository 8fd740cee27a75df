import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { prng as rng } from '../../server/test/prng.ts';

/** What one load run measured. */
export interface LoadResult {
  /** Sender-apply → receiver-observe latency in ms, one sample per (item, receiver). */
  samples: number[];
  /** Characters typed in total. */
  typed: number;
  /** Samples expected: typed × (clients − 1). */
  expected: number;
  /** Event-loop utilisation of this (client) process while typing, 0–1. */
  clientElu: number;
}

export interface LoadOptions {
  clients: number;
  durationMs: number;
  /** Mean ms between one client's keystrokes. @default 200 */
  intervalMs?: number;
  seed?: number;
}

// The root has `ws` but not its types (@types/ws lives with the server package); the provider only needs the class.
const { WebSocket } = createRequire(import.meta.url)('ws') as { WebSocket: unknown };

const SYNC_TIMEOUT_MS = 30_000;
const DRAIN_TIMEOUT_MS = 10_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `clients` y-websocket providers (all in this process) on document `docName` at `wsUrl`, each typing one character
 * every ~`intervalMs` (jittered start) into the Y.Text 'bench' for `durationMs`. A keystroke's send time is taken
 * at the sender just before the local insert, keyed by the inserted item's (clientID, clock); each receiver records
 * now − send time for every item a remote transaction integrates (from its before/after state vectors).
 */
export async function runLoad(wsUrl: string, docName: string, options: LoadOptions): Promise<LoadResult> {
  const intervalMs = options.intervalMs ?? 200;
  const random = rng(options.seed ?? 1);
  const sentAt = new Map<number, number[]>();
  const samples: number[] = [];
  const docs: Y.Doc[] = [];
  const providers: WebsocketProvider[] = [];
  const timers: NodeJS.Timeout[] = [];
  // Each provider adds a process 'exit' listener in Node; that many is expected here, not a leak.
  const maxListeners = process.getMaxListeners();
  process.setMaxListeners(maxListeners + options.clients);
  try {
    for (let i = 0; i < options.clients; i++) {
      const doc = new Y.Doc();
      const sent: number[] = [];
      sentAt.set(doc.clientID, sent);
      doc.on('afterTransaction', (tr: Y.Transaction) => {
        if (tr.local) return;
        const now = performance.now();
        for (const [client, after] of tr.afterState) {
          const times = sentAt.get(client);
          if (!times) continue;
          for (let clock = tr.beforeState.get(client) ?? 0; clock < after; clock++) {
            const t = times[clock];
            if (t !== undefined) samples.push(now - t);
          }
        }
      });
      docs.push(doc);
      // disableBc: in one process the BroadcastChannel would carry updates between clients past the server.
      providers.push(
        new WebsocketProvider(wsUrl, docName, doc, { WebSocketPolyfill: WebSocket as never, disableBc: true }),
      );
    }
    const deadline = performance.now() + SYNC_TIMEOUT_MS;
    while (!providers.every((p) => p.synced)) {
      if (performance.now() > deadline) {
        throw new Error(`only ${providers.filter((p) => p.synced).length}/${providers.length} clients synced`);
      }
      await sleep(20);
    }
    await sleep(500);

    let typed = 0;
    const elu0 = performance.eventLoopUtilization();
    const stopAt = performance.now() + options.durationMs;
    for (const doc of docs) {
      const text = doc.getText('bench');
      const sent = sentAt.get(doc.clientID) ?? [];
      const type = () => {
        if (performance.now() >= stopAt) return;
        const clock = Y.getState(doc.store, doc.clientID);
        const index = Math.floor(random() * (text.length + 1));
        const char = String.fromCharCode(97 + Math.floor(random() * 26));
        sent[clock] = performance.now();
        text.insert(index, char);
        typed++;
      };
      const start = setTimeout(() => {
        type();
        timers.push(setInterval(type, intervalMs));
      }, random() * intervalMs);
      timers.push(start);
    }
    await sleep(options.durationMs);
    for (const t of timers) clearInterval(t);
    const clientElu = performance.eventLoopUtilization(elu0).utilization;

    const expected = typed * (options.clients - 1);
    const drainDeadline = performance.now() + DRAIN_TIMEOUT_MS;
    while (samples.length < expected && performance.now() < drainDeadline) await sleep(50);
    return { samples, typed, expected, clientElu };
  } finally {
    for (const t of timers) clearInterval(t);
    for (const p of providers) p.destroy();
    for (const d of docs) d.destroy();
    process.setMaxListeners(maxListeners);
  }
}
