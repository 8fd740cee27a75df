import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Auth, type SecureCookies } from './auth/Auth.ts';
import { createUpgradeAuthenticator } from './auth/authenticateUpgrade.ts';
import { claimUnowned } from './auth/claimUnowned.ts';
import { ensureAdmin } from './auth/ensureAdmin.ts';
import { attachCollab } from './collab/attachCollab.ts';
import { backfillSummaries } from './collab/backfillSummaries.ts';
import { DocumentHub } from './collab/DocumentHub.ts';
import { seedTemplates } from './collab/seedTemplates.ts';
import { createApp } from './createApp.ts';
import { createLogger } from './createLogger.ts';
import type { CollabLimits } from './limits/CollabLimits.ts';
import { readCollabLimits } from './limits/readCollabLimits.ts';
import { listen } from './listen.ts';
import { createCollabMetrics } from './metrics/CollabMetrics.ts';
import { timeStore } from './metrics/timeStore.ts';
import { readTrustProxy } from './net/readTrustProxy.ts';
import { attachRelay } from './relay/attachRelay.ts';
import { openStore } from './storage/index.ts';
import { TemplateLibrary } from './TemplateLibrary.ts';

const DEFAULT_PORT = 8787;
const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));
const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('../../client/dist', import.meta.url));

// Work still running this long after a stop signal is cut off rather than holding the process.
const SHUTDOWN_GRACE_MS = 10_000;

const logger = createLogger();

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got "${raw}"`);
  return port;
}

/** Start-up failures a newcomer can fix get one clear line instead of a stack trace. */
function fail(message: string): never {
  logger.fatal(message);
  console.error(`clausewright server: ${message}`);
  process.exit(1);
}

let port = DEFAULT_PORT;
try {
  port = readPort(process.env.PORT);
} catch (e) {
  fail((e as Error).message);
}
let limits: CollabLimits | undefined;
let trustProxy = 0;
try {
  limits = readCollabLimits(process.env);
  trustProxy = readTrustProxy(process.env);
} catch (e) {
  fail((e as Error).message);
}
const templatesDir = process.env.CLAUSEWRIGHT_TEMPLATES_DIR || DEFAULT_TEMPLATES_DIR;
const library = await TemplateLibrary.load(templatesDir).catch((e: Error) =>
  fail(`cannot read the templates folder (CLAUSEWRIGHT_TEMPLATES_DIR): ${e.message}`),
);
for (const entry of library.entries()) {
  const errors = [...(entry.errors ?? []), ...(entry.sample?.error ? [entry.sample.error] : [])];
  for (const e of errors) logger.warn(`${e.file}:${e.line}:${e.column}: ${e.message}`);
}

const dataDir = path.resolve(process.env.CLAUSEWRIGHT_DATA_DIR || DEFAULT_DATA_DIR);
const databaseUrl = process.env.CLAUSEWRIGHT_DATABASE_URL || undefined;
const store = await openStore({
  dataDir,
  databaseUrl,
  pg: { onIdleError: (err) => logger.warn({ err }, 'a PostgreSQL connection was lost; the pool opens a new one') },
}).catch((e: Error) =>
  fail(
    databaseUrl
      ? `cannot open the document store (CLAUSEWRIGHT_DATABASE_URL): ${e.message}`
      : `cannot open the document store in ${dataDir} (CLAUSEWRIGHT_DATA_DIR): ${e.message}`,
  ),
);
const seed = await seedTemplates(store, templatesDir).catch((e: Error) => fail(`cannot seed templates: ${e.message}`));
for (const f of seed.failed) logger.warn({ docId: f.id }, `not imported for co-editing: ${f.message}`);
if (seed.seeded.length) logger.info({ seeded: seed.seeded }, `imported ${seed.seeded.join(', ')}`);
const backfilled = await backfillSummaries(store);
if (backfilled.length) logger.info({ backfilled }, 'filled in list summaries');
const metrics = createCollabMetrics();
// Append latency is measured where the hub stores, without the hub knowing.
const hub = new DocumentHub(timeStore(store, metrics.storeAppendSeconds), { logger });
// Several instances over one PostgreSQL: each stores what its clients send and relays it to the others through Redis.
// Attached before anything opens a document, so no document is served unrelayed.
const redisUrl = process.env.CLAUSEWRIGHT_REDIS_URL || undefined;
const relay = redisUrl
  ? await attachRelay(hub, { url: redisUrl, prefix: process.env.CLAUSEWRIGHT_REDIS_PREFIX || undefined, logger }).catch(
      (e: Error) => fail(`cannot connect to Redis (CLAUSEWRIGHT_REDIS_URL): ${e.message}`),
    )
  : null;
if (relay) logger.info({ instanceId: relay.instanceId }, 'co-editing relayed to other instances through Redis');

const secureCookies = (process.env.CLAUSEWRIGHT_SECURE_COOKIES || 'auto') as SecureCookies;
if (!['auto', 'always', 'never'].includes(secureCookies)) {
  fail(`CLAUSEWRIGHT_SECURE_COOKIES must be auto, always or never, got "${secureCookies}"`);
}
const auth = new Auth(store, { secureCookies });
const adminId = await ensureAdmin(auth, logger, process.env.CLAUSEWRIGHT_ADMIN_PASSWORD || undefined);
// Seeded templates (and any made before accounts existed) belong to the admin.
if (adminId) {
  const claimed = await claimUnowned(store, store, adminId);
  if (claimed.length) logger.info({ claimed }, 'templates without an owner now belong to admin');
}

const clientDir = path.resolve(process.env.CLAUSEWRIGHT_CLIENT_DIR || DEFAULT_CLIENT_DIR);
const running = await listen(
  createApp({ hub, library, logger, clientDir, auth, metrics: metrics.registry, trustProxy }),
  port,
  process.env.HOST || undefined,
).catch((e: NodeJS.ErrnoException) =>
  fail(e.code === 'EADDRINUSE' ? `port ${port} is in use; set PORT to another one` : e.message),
);
const collab = attachCollab(running.server, hub, {
  logger,
  limits,
  metrics,
  authenticate: createUpgradeAuthenticator(auth, store),
  accessEvents: auth.events,
  trustProxy,
});
logger.info(
  { port: running.port, dataDir, db: store.path, templatesDir: library.dir, clientDir, trustProxy },
  `Clausewright server on ${running.url} (co-editing on ws://localhost:${running.port}/collab/<template-id>)`,
);

let stopping = false;
/** Stops taking connections, closes websockets (their updates stored), finishes requests, then flushes the store. */
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping');
  setTimeout(() => {
    logger.error('shutdown took too long; exiting');
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
  (async () => {
    // HTTP stops accepting first (its close resolves only when requests finish, so it is awaited last).
    const http = running.close();
    await collab.close();
    await hub.close();
    // The hub publishes what it stores while closing, so the relay closes after it.
    await relay?.close();
    await http;
    await store.close();
  })().then(
    () => {
      logger.info('stopped; storage flushed and closed');
      process.exit(0);
    },
    (e: unknown) => {
      logger.error({ err: e }, `error while stopping on ${signal}`);
      process.exit(1);
    },
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
