import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './repoRoot.ts';

const CLIENT_DIR = join(REPO_ROOT, 'client');
const DIST_INDEX = join(CLIENT_DIR, 'dist', 'index.html');
// Test files run in parallel worker processes: one builds, the others wait on this lock directory.
const LOCK_DIR = join(
  tmpdir(),
  `clausewright-client-build-${createHash('sha1').update(REPO_ROOT).digest('hex').slice(0, 12)}.lock`,
);
const STALE_LOCK_MS = 5 * 60_000;
const BUILD_TIMEOUT_MS = 5 * 60_000;

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === 'e2e') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** The client bundle embeds the client and the workspace packages, so any newer source makes dist stale. */
function distIsStale(): boolean {
  if (!existsSync(DIST_INDEX)) return true;
  const built = statSync(DIST_INDEX).mtimeMs;
  const packagesDir = join(REPO_ROOT, 'packages');
  const sources = [
    join(CLIENT_DIR, 'src'),
    join(CLIENT_DIR, 'index.html'),
    join(CLIENT_DIR, 'vite.config.ts'),
    join(CLIENT_DIR, 'package.json'),
    ...readdirSync(packagesDir).map((p) => join(packagesDir, p, 'src')),
  ];
  return sources.some((s) => newestMtime(s) > built);
}

function runViteBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(CLIENT_DIR, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
      cwd: CLIENT_DIR,
      env: { ...process.env, NODE_ENV: 'production', NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (d: Buffer) => {
      output = (output + d.toString()).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT_MS);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`vite build failed (${code ?? signal}):\n${output}`));
    });
  });
}

function tryLock(): boolean {
  try {
    mkdirSync(LOCK_DIR);
    return true;
  } catch {
    // A lock left by a killed run must not block every later run.
    try {
      if (Date.now() - statSync(LOCK_DIR).mtimeMs > STALE_LOCK_MS) rmSync(LOCK_DIR, { recursive: true, force: true });
    } catch {
      // Removed by its owner in the meantime.
    }
    return false;
  }
}

/**
 * Builds the production client (`client/dist`) with vite unless it is newer than every client and package source.
 * Safe to call from several test processes at once: one builds, the others wait for it.
 */
export async function ensureClientBuilt(): Promise<{ built: boolean }> {
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  while (!tryLock()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for another client build (lock ${LOCK_DIR})`);
    await new Promise((r) => setTimeout(r, 250));
  }
  try {
    if (!distIsStale()) return { built: false };
    await runViteBuild();
    return { built: true };
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}
