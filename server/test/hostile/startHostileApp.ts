import { WebSocket } from 'ws';
import type { AttachedCollab } from '../../src/collab/attachCollab.ts';
import type { DocumentHub } from '../../src/collab/DocumentHub.ts';
import type { CollabLimits } from '../../src/limits/CollabLimits.ts';
import type { RunningServer } from '../../src/listen.ts';
import type { CollabMetrics } from '../../src/metrics/CollabMetrics.ts';
import type { DocumentStore } from '../../src/storage/DocumentStore.ts';
import type { SqliteStore } from '../../src/storage/index.ts';
import { REPO_TEMPLATES, startApp, type TestServer } from '../startApp.ts';

/** The whole server as main.ts assembles it (accounts, limits, metrics), for hostile clients. */
export interface HostileServer extends RunningServer {
  store: SqliteStore;
  hub: DocumentHub;
  collab: AttachedCollab;
  metrics: CollabMetrics;
  /** `ws://127.0.0.1:<port>/collab` */
  wsUrl: string;
  /** `Authorization: Bearer …` of the admin's API token: what a raw socket sends on its upgrade to be let in. */
  authorization: string;
  /** The upgrade headers of the admin (`{ authorization }`). */
  headers: Record<string, string>;
  /** Accounts with roles, as `startApp`'s `userWith`. */
  userWith: TestServer['userWith'];
  /** Creates an empty document `id` (no template in it) that the admin may open, for tests of raw traffic. */
  scratch(id: string): Promise<void>;
}

export interface HostileOptions {
  limits?: Partial<CollabLimits>;
  unloadAfterMs?: number;
  /** Wraps the (timed) store the hub uses, e.g. to slow loads down. */
  wrapStore?: (store: DocumentStore) => DocumentStore;
}

/** An empty Yjs update: a document with nothing in it yet. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/**
 * The repository's templates seeded into a fresh SqliteStore and served by `startApp` (accounts on, the hub over a
 * timed store, the collab websockets with `limits`), on a free port, logging nothing. `close()` removes it all.
 */
export async function startHostileApp(options: HostileOptions = {}): Promise<HostileServer> {
  const app = await startApp(REPO_TEMPLATES, {
    limits: options.limits ?? {},
    unloadAfterMs: options.unloadAfterMs ?? 60_000,
    ...(options.wrapStore ? { wrapStore: options.wrapStore } : {}),
  });
  return {
    ...app,
    headers: { authorization: app.authorization },
    scratch: async (id) => {
      if (!(await app.store.create(id, EMPTY_UPDATE, { title: id, locale: 'zh-CN', numbering: 'zh-article' }))) {
        throw new Error(`document ${id} exists`);
      }
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
export function openRaw(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ ws: WebSocket; ended: Promise<Ending> } | { refused: Ending }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
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
export async function openAccepted(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ ws: WebSocket; ended: Promise<Ending> }> {
  const opened = await openRaw(url, headers);
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
