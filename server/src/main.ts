import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { attachCollab } from './collab/attachCollab.ts';
import { DocumentHub } from './collab/DocumentHub.ts';
import { seedTemplates } from './collab/seedTemplates.ts';
import { createApp } from './createApp.ts';
import { listen } from './listen.ts';
import { SqliteStore } from './storage/index.ts';
import { TemplateLibrary } from './TemplateLibrary.ts';

const DEFAULT_PORT = 8787;
const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));
const DB_FILE = 'clausewright.db';
// Requests still running after this long on shutdown are cut off rather than holding the process.
const SHUTDOWN_GRACE_MS = 5000;

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got "${raw}"`);
  return port;
}

/** Start-up failures a newcomer can fix get one clear line instead of a stack trace. */
function fail(message: string): never {
  console.error(`clausewright server: ${message}`);
  process.exit(1);
}

let port = DEFAULT_PORT;
try {
  port = readPort(process.env.PORT);
} catch (e) {
  fail((e as Error).message);
}
const templatesDir = process.env.CLAUSEWRIGHT_TEMPLATES_DIR || DEFAULT_TEMPLATES_DIR;
const library = await TemplateLibrary.load(templatesDir).catch((e: Error) =>
  fail(`cannot read the templates folder (CLAUSEWRIGHT_TEMPLATES_DIR): ${e.message}`),
);

for (const entry of library.entries()) {
  const errors = [...(entry.errors ?? []), ...(entry.sample?.error ? [entry.sample.error] : [])];
  for (const e of errors) console.error(`${e.file}:${e.line}:${e.column}: ${e.message}`);
}

const dataDir = process.env.CLAUSEWRIGHT_DATA_DIR || DEFAULT_DATA_DIR;
let store: SqliteStore;
try {
  store = SqliteStore.open(path.join(dataDir, DB_FILE));
} catch (e) {
  fail(`cannot open the document store in ${dataDir} (CLAUSEWRIGHT_DATA_DIR): ${(e as Error).message}`);
}
const seed = await seedTemplates(store, templatesDir).catch((e: Error) => fail(`cannot seed templates: ${e.message}`));
for (const f of seed.failed) console.error(`not imported for co-editing: ${f.id}: ${f.message}`);
const hub = new DocumentHub(store);

const running = await listen(createApp(library), port, process.env.HOST || undefined).catch(
  (e: NodeJS.ErrnoException) =>
    fail(e.code === 'EADDRINUSE' ? `port ${port} is in use; set PORT to another one` : e.message),
);
const collab = attachCollab(running.server, hub);
const server = {
  url: running.url,
  // Websockets first (their updates are stored by hub.close), then HTTP requests, then the store.
  close: async () => {
    await collab.close();
    await hub.close();
    await running.close();
    await store.close();
  },
};
const broken = library.entries().filter((e) => e.errors).length;
console.log(
  `Clausewright server on ${server.url} — ${library.entries().length} templates from ${library.dir}` +
    (broken ? ` (${broken} with errors, listed above)` : ''),
);
console.log(
  `Co-editing on ws://localhost:${running.port}/collab/<template-id>, stored in ${store.path}` +
    (seed.seeded.length ? ` (imported ${seed.seeded.join(', ')})` : ''),
);

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
  server.close().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(`error while stopping on ${signal}:`, e);
      process.exit(1);
    },
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
