import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { attachCollab } from '../../src/collab/attachCollab.ts';
import { DocumentHub } from '../../src/collab/DocumentHub.ts';
import { createApp } from '../../src/createApp.ts';
import { createLogger } from '../../src/createLogger.ts';
import { attachRelay } from '../../src/relay/attachRelay.ts';
import type { DocumentStore } from '../../src/storage/index.ts';
import { openStore } from '../../src/storage/openStore.ts';
import { TemplateLibrary } from '../../src/TemplateLibrary.ts';

// One server instance as main.ts assembles it (store, hub, app, collab websockets) plus the Redis relay, for the
// multi-instance tests and the scale bench. Accounts are left out (the websockets take anyone, the API answers 401):
// the relay works below them, on the hub. Environment:
//   CLAUSEWRIGHT_DATABASE_URL + CW_PG_SCHEMA (PostgreSQL) or CLAUSEWRIGHT_DATA_DIR (SQLite file shared by instances)
//   CLAUSEWRIGHT_REDIS_URL, CW_REDIS_PREFIX, CW_INSTANCE_ID
//   CW_STORE_DELAY_MS: every append and compaction starts, and every load answers, this much later (a slow store)
//   CW_UNLOAD_AFTER_MS: idle documents unload (and compact) this soon
//   CW_COALESCE_MS: the hub's merge window for busy documents (0: never merge), for comparisons in the scale bench
// Prints `listening <port>` once ready; `GET /relay-stats` answers the relay's counters. Stops on SIGTERM or when
// stdin closes.
const logger = createLogger((process.env.LOG_LEVEL as 'silent' | undefined) ?? 'silent');
const delayMs = Number(process.env.CW_STORE_DELAY_MS ?? 0);
const base = await openStore({
  dataDir: process.env.CLAUSEWRIGHT_DATA_DIR || (await mkdtemp(path.join(tmpdir(), 'cw-relay-'))),
  databaseUrl: process.env.CLAUSEWRIGHT_DATABASE_URL,
  pg: process.env.CW_PG_SCHEMA ? { schema: process.env.CW_PG_SCHEMA } : undefined,
});
const store = delayMs > 0 ? slowed(base, delayMs) : base;
const hub = new DocumentHub(store, {
  logger,
  unloadAfterMs: Number(process.env.CW_UNLOAD_AFTER_MS ?? 30_000),
  coalescing: process.env.CW_COALESCE_MS ? { windowMs: Number(process.env.CW_COALESCE_MS) } : undefined,
});
const relay = await attachRelay(hub, {
  url: process.env.CLAUSEWRIGHT_REDIS_URL ?? 'redis://127.0.0.1:6379',
  prefix: process.env.CW_REDIS_PREFIX,
  instanceId: process.env.CW_INSTANCE_ID,
  logger,
});
const library = await TemplateLibrary.load(await mkdtemp(path.join(tmpdir(), 'cw-relay-templates-')));
const app = createApp({ hub, library, logger });
const server = createServer((req, res) => {
  if (req.url === '/relay-stats') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ...relay.stats, instanceId: relay.instanceId, loaded: hub.loadedDocIds() }));
    return;
  }
  app(req, res);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
// Many test clients share one address and one name.
const collab = attachCollab(server, hub, {
  logger,
  authenticate: null,
  limits: { maxConnectionsPerUser: 0, maxUpgradesPerIpPerSecond: 0, maxSyncRequestsPerSecond: 0 },
});
console.log(`listening ${(server.address() as AddressInfo).port}`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), 10_000).unref();
  (async () => {
    await collab.close();
    await hub.close();
    await relay.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await base.close();
  })().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error('relay instance: error while stopping', e);
      process.exit(1);
    },
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();

/** `store` with every append and compaction started `ms` later and every load answered `ms` later (read first). */
function slowed<T extends DocumentStore>(target: T, ms: number): T {
  const later = () => new Promise((resolve) => setTimeout(resolve, ms));
  return new Proxy(target, {
    get(t, prop) {
      if (prop === 'append') {
        return async (docId: string, update: Uint8Array, meta?: { origin?: string }) => {
          await later();
          return t.append(docId, update, meta);
        };
      }
      if (prop === 'compact') {
        return async (docId: string) => {
          await later();
          return t.compact(docId);
        };
      }
      if (prop === 'load') {
        return async (docId: string) => {
          const rows = await t.load(docId);
          await later();
          return rows;
        };
      }
      const value = Reflect.get(t, prop, t);
      return typeof value === 'function' ? value.bind(t) : value;
    },
  });
}
