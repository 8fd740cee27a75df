import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// `pnpm start`: builds the client when client/dist is missing or older than what it is built from, then runs the
// server (API + websockets + the built client) in this process, on PORT (8787) with data in CLAUSEWRIGHT_DATA_DIR.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILT = path.join(ROOT, 'client', 'dist', 'index.html');
// The client bundles the packages it imports, so their sources count too.
const SOURCES = [
  'client/src',
  'client/index.html',
  'client/vite.config.ts',
  'client/package.json',
  'packages/format/src',
  'packages/model/src',
  'packages/schema/src',
  'pnpm-lock.yaml',
];

function newestMtime(entry: string): number {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(entry);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(entry)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

function builtAt(): number | null {
  try {
    return statSync(BUILT).mtimeMs;
  } catch {
    return null;
  }
}

const built = builtAt();
const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
if (built === null || built < sources) {
  console.log(built === null ? 'Building the client (first start)…' : 'Client sources changed; rebuilding the client…');
  const result = spawnSync('pnpm', ['--filter', '@clausewright/client', 'run', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('clausewright: building the client failed (see above); the server was not started');
    process.exit(result.status ?? 1);
  }
}

await import('../server/src/main.ts');
