import { fileURLToPath } from 'node:url';
import { createApp } from './createApp.ts';
import { listen } from './listen.ts';
import { TemplateLibrary } from './TemplateLibrary.ts';

const DEFAULT_PORT = 8787;
const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));
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

const server = await listen(createApp(library), port, process.env.HOST || undefined).catch((e: NodeJS.ErrnoException) =>
  fail(e.code === 'EADDRINUSE' ? `port ${port} is in use; set PORT to another one` : e.message),
);
const broken = library.entries().filter((e) => e.errors).length;
console.log(
  `Clausewright server on ${server.url} — ${library.entries().length} templates from ${library.dir}` +
    (broken ? ` (${broken} with errors, listed above)` : ''),
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
