import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from '../../src/storage/index.ts';
import { SQLITE_FILE } from '../../src/storage/openStore.ts';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
const READY = /Clausewright server on http:\/\/localhost:(\d+)/;
/** The child's `admin` password (CLAUSEWRIGHT_ADMIN_PASSWORD), so tests can log in. */
const CHILD_ADMIN_PASSWORD = 'child-admin-password';

/** Creates empty documents `ids` in the store of `dataDir` before a child server opens it (upgrades need them). */
export async function createEmptyDocs(dataDir: string, ids: string[]): Promise<void> {
  const store = SqliteStore.open(path.join(dataDir, SQLITE_FILE));
  try {
    for (const id of ids) await store.create(id, new Uint8Array([0, 0]), { title: id, locale: 'en', numbering: 'en' });
  } finally {
    await store.close();
  }
}

/** Logs the child's admin in; the upgrade headers (its session cookie) a client sends to be let in. */
export async function adminHeaders(server: ChildServer): Promise<Record<string, string>> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: CHILD_ADMIN_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${await res.text()}`);
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] as string };
}

/** `server/src/main.ts` running as a child process. */
export interface ChildServer {
  child: ChildProcess;
  port: number;
  /** `ws://127.0.0.1:<port>/collab`. */
  url: string;
  /** Everything the child wrote, for failure messages. */
  output(): string;
  /** Resolves once the child has exited. */
  exited: Promise<void>;
}

/** Starts the real server entry point on a free port (PORT=0) with its store in `dataDir`. */
export function startChildServer(dataDir: string, templatesDir: string, timeoutMs = 20_000): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CLAUSEWRIGHT_DATA_DIR: dataDir,
      CLAUSEWRIGHT_TEMPLATES_DIR: templatesDir,
      CLAUSEWRIGHT_ADMIN_PASSWORD: CHILD_ADMIN_PASSWORD,
      // The ready line is an info log; the rest of the output only matters when a test fails.
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const port = READY.exec(out)?.[1];
      if (!port) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stdout?.on('data', (c: Buffer) => {
        out += c.toString();
      });
      resolve({ child, port: Number(port), url: `ws://127.0.0.1:${port}/collab`, output: () => out, exited });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before it was ready:\n${out}`));
    });
  });
}

/** SIGKILLs the child (if still running) and waits for it to be gone. */
export async function killChild(server: ChildServer): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  await server.exited;
}
