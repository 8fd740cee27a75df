import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../client/e2e/harness/freePort.ts';

/** A co-editing server running in a child process. */
export interface ChildServer {
  /** The base URL a `WebsocketProvider` takes (the document name is appended). */
  readonly wsUrl: string;
  /** CPU time (user + system) the child has used so far, in µs, read from /proc like `ps` does. */
  cpuMicros(): number;
  /** Kills the child (SIGTERM, then SIGKILL) and removes its temp dir; resolves once it has exited. */
  stop(): Promise<void>;
}

/** Clock ticks per second of /proc's CPU times. */
let ticksPerSecond: number | undefined;

/** User + system CPU µs of process `pid` (Linux /proc/<pid>/stat, fields 14 and 15 after the command name). */
export function processCpuMicros(pid: number): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so utime (14) and stime (15) are fields[11] and fields[12].
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / ticksPerSecond;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 20_000;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited(child);
  clearTimeout(timer);
}

/** Spawns `args` and resolves with the first stdout match of `ready` (the child is killed on failure). */
async function start(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  try {
    const match = await new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server did not start in ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const m = ready.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code ?? signal}) before it was ready: ${err.trim()}`));
      });
      child.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    // Keep draining output so a chatty child never blocks on a full pipe.
    child.stdout?.resume();
    return { child, match };
  } catch (e) {
    await kill(child);
    throw e;
  }
}

/** The store file bench/sync/ourServer.ts opens in its data dir. */
export const OUR_DB_FILE = 'bench.db';

/**
 * Ours: SqliteStore (in a fresh temp dir) + DocumentHub + attachCollab, via bench/sync/ourServer.ts. `prepare` may
 * fill the store (`<dataDir>/bench.db`) before the server starts.
 */
export async function startOurServer(prepare?: (dbFile: string) => Promise<void>): Promise<ChildServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cw-sync-bench-'));
  try {
    await prepare?.(join(dataDir, OUR_DB_FILE));
    const { child, match } = await start(
      ['--import', 'tsx', fileURLToPath(new URL('./ourServer.ts', import.meta.url))],
      { ...process.env, PORT: '0', HOST, CLAUSEWRIGHT_DATA_DIR: dataDir },
      /listening (\d+)/,
    );
    return {
      wsUrl: `ws://${HOST}:${match[1]}/collab`,
      cpuMicros: () => processCpuMicros(child.pid as number),
      stop: async () => {
        await kill(child);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}

/** Stock: y-websocket@2's bin/server.cjs, in memory (YPERSISTENCE unset). */
export async function startStockServer(): Promise<ChildServer> {
  const port = await freePort(HOST);
  // Any YPERSISTENCE value (even '') turns on LevelDB persistence there, so it must be absent.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST };
  delete env.YPERSISTENCE;
  const { child } = await start([join(ROOT, 'node_modules/y-websocket-stock/bin/server.cjs')], env, /running at/);
  return {
    wsUrl: `ws://${HOST}:${port}/collab`,
    cpuMicros: () => processCpuMicros(child.pid as number),
    stop: () => kill(child),
  };
}
