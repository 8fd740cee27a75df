import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_ADMIN } from './e2eAdmin.ts';
import { freePort } from './freePort.ts';
import { REPO_ROOT } from './repoRoot.ts';

const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

/** The real Clausewright server (`server/src/main.ts`) running as a child process. */
export interface AppServer {
  /** `http://127.0.0.1:<port>`: API, built client and `/collab` websockets on one origin. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** The copy of `client/dist` this server serves. */
  readonly clientDir: string;
  /** `fetch` relative to `url`, logged in as the admin (`E2E_ADMIN`). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Stops the server (SIGTERM, so it flushes storage) and starts it again on the same port and data. */
  restart(): Promise<void>;
  /** Stops the server's process group and removes its data directory and client copy. */
  close(): Promise<void>;
}

export interface StartAppServerOptions {
  /** Extra environment for the server process. */
  env?: NodeJS.ProcessEnv;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function exited(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Signals the whole process group, so nothing the server spawned outlives it. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (!hasExited(child)) {
    signalGroup(child, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), STOP_GRACE_MS);
    await exited(child);
    clearTimeout(timer);
  }
  // Anything left in the group (there should be nothing) goes too.
  signalGroup(child, 'SIGKILL');
}

async function waitUntilServing(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${log()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer ${url}/healthz within ${START_TIMEOUT_MS} ms:\n${log()}`);
}

/**
 * Starts `server/src/main.ts` (via tsx) on a free port with a fresh data directory, quiet logs, and the seed
 * templates imported and the admin's password set to `E2E_ADMIN.password`; resolves once `GET /healthz` answers. It serves a copy of the built client taken now
 * (call `ensureClientBuilt` first), so a rebuild of `client/dist` during the run cannot pull files from under it.
 */
export async function startAppServer(options: StartAppServerOptions = {}): Promise<AppServer> {
  const dist = join(REPO_ROOT, 'client', 'dist');
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`${dist} has no index.html: call ensureClientBuilt() first`);
  const port = await freePort(HOST);
  const url = `http://${HOST}:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-e2e-data-'));
  const clientDir = mkdtempSync(join(tmpdir(), 'cw-e2e-client-'));
  cpSync(dist, clientDir, { recursive: true });
  const removeDirs = () => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(clientDir, { recursive: true, force: true });
  };
  let child: ChildProcess | undefined;
  let output = '';

  const launch = async () => {
    output = '';
    const proc = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/src/main.ts')], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST,
        CLAUSEWRIGHT_DATA_DIR: dataDir,
        CLAUSEWRIGHT_CLIENT_DIR: clientDir,
        LOG_LEVEL: 'silent',
        CLAUSEWRIGHT_ADMIN_PASSWORD: E2E_ADMIN.password,
        ...options.env,
      },
      // Its own process group, so close() can end everything it started.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    const keep = (d: Buffer) => {
      output = (output + d.toString()).slice(-8000);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    try {
      await waitUntilServing(url, proc, () => output);
    } catch (e) {
      await stopChild(proc);
      throw e;
    }
  };

  try {
    await launch();
  } catch (e) {
    removeDirs();
    throw e;
  }

  // The admin's session cookie, made on first use; sessions are stored, so it outlives a restart.
  let cookie: Promise<string> | undefined;
  const logIn = async () => {
    const res = await fetch(`${url}/api/session`, { method: 'POST', body: JSON.stringify(E2E_ADMIN) });
    if (!res.ok) throw new Error(`admin login: ${res.status} ${await res.text()}`);
    return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };

  return {
    url,
    port,
    dataDir,
    clientDir,
    fetch: async (p, init = {}) => {
      cookie ??= logIn();
      const headers = new Headers(init.headers);
      headers.set('cookie', await cookie);
      return fetch(url + p, { ...init, headers });
    },
    restart: async () => {
      if (child) await stopChild(child);
      await launch();
    },
    close: async () => {
      if (child) await stopChild(child);
      removeDirs();
    },
  };
}
