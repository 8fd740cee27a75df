import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { type AttachedCollab, attachCollab } from '../../src/collab/attachCollab.ts';
import { DocumentHub } from '../../src/collab/DocumentHub.ts';
import { seedTemplates } from '../../src/collab/seedTemplates.ts';
import { createApp } from '../../src/createApp.ts';
import { createLogger } from '../../src/createLogger.ts';
import type { CollabLimits } from '../../src/limits/CollabLimits.ts';
import { listen, type RunningServer } from '../../src/listen.ts';
import { type CollabMetrics, createCollabMetrics } from '../../src/metrics/CollabMetrics.ts';
import { timeStore } from '../../src/metrics/timeStore.ts';
import type { DocumentStore } from '../../src/storage/DocumentStore.ts';
import { SqliteStore } from '../../src/storage/index.ts';
import { TemplateLibrary } from '../../src/TemplateLibrary.ts';
import { REPO_TEMPLATES } from '../startApp.ts';

/** The whole server as main.ts should assemble it once the lead wires limits and metrics. */
export interface HostileServer extends RunningServer {
  store: SqliteStore;
  hub: DocumentHub;
  collab: AttachedCollab;
  metrics: CollabMetrics;
  /** `ws://127.0.0.1:<port>/collab` */
  wsUrl: string;
}

export interface HostileOptions {
  limits?: Partial<CollabLimits>;
  unloadAfterMs?: number;
  /** Wraps the (timed) store the hub uses, e.g. to slow loads down. */
  wrapStore?: (store: DocumentStore) => DocumentStore;
}

/**
 * The repository's templates seeded into a fresh SqliteStore, the hub over a timed store, the API and the collab
 * websockets with `limits` and their own metrics, on a free port, logging nothing. `close()` removes it all.
 */
export async function startHostileApp(options: HostileOptions = {}): Promise<HostileServer> {
  const logger = createLogger('silent');
  const library = await TemplateLibrary.load(REPO_TEMPLATES);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cw-hostile-'));
  const store = SqliteStore.open(path.join(dataDir, 'app.db'));
  await seedTemplates(store, REPO_TEMPLATES);
  const metrics = createCollabMetrics();
  const timed = timeStore(store, metrics.storeAppendSeconds);
  const hub = new DocumentHub(options.wrapStore ? options.wrapStore(timed) : timed, {
    logger,
    unloadAfterMs: options.unloadAfterMs ?? 60_000,
  });
  const server = await listen(createApp({ hub, library, logger }), 0, '127.0.0.1');
  const collab = attachCollab(server.server, hub, { logger, metrics, limits: options.limits ?? {} });
  return {
    ...server,
    wsUrl: `ws://127.0.0.1:${server.port}/collab`,
    store,
    hub,
    collab,
    metrics,
    close: async () => {
      await collab.close();
      await hub.close();
      await server.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** How a raw websocket ended: its close code and reason, or the HTTP status of a refused upgrade. */
export interface Ending {
  code?: number;
  reason?: string;
  status?: number;
  body?: string;
}

/** Opens a raw websocket; resolves once open, or with the refusal of its upgrade. */
export function openRaw(url: string): Promise<{ ws: WebSocket; ended: Promise<Ending> } | { refused: Ending }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    // Registered before the upgrade answer: a server may close right after accepting.
    const ended = new Promise<Ending>((done) => {
      ws.once('close', (code, reason) => done({ code, reason: reason.toString() }));
    });
    ws.once('open', () => resolve({ ws, ended }));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve({ refused: { status: res.statusCode ?? 0, body } }));
    });
    ws.on('error', () => {});
  });
}

/** Opens a raw websocket that must be accepted. */
export async function openAccepted(url: string): Promise<{ ws: WebSocket; ended: Promise<Ending> }> {
  const opened = await openRaw(url);
  if ('refused' in opened) throw new Error(`upgrade refused: ${opened.refused.status} ${opened.refused.body}`);
  return opened;
}

/** A varuint as lib0 writes it. */
export function varUint(n: number): number[] {
  const out: number[] = [];
  let rest = n;
  while (rest > 0x7f) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}

/** `bytes` with lib0's varuint length prefix, as y-protocols frames a payload. */
export function lengthPrefixed(bytes: Uint8Array): number[] {
  return [...varUint(bytes.length), ...bytes];
}

/** A sync "update" frame (type 0, step 2) carrying `update`. */
export function updateFrame(update: Uint8Array): Uint8Array {
  return new Uint8Array([0, 2, ...lengthPrefixed(update)]);
}

/** An awareness frame (type 1) carrying `update`. */
export function awarenessFrame(update: Uint8Array): Uint8Array {
  return new Uint8Array([1, ...lengthPrefixed(update)]);
}
