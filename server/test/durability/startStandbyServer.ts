import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerBundle } from './bundleServer.ts';

const STANDBY = fileURLToPath(new URL('./standby.mjs', import.meta.url));
const READY = /Clausewright server on http:\/\/localhost:(\d+)/;

/** A child that has loaded the bundled server and waits to be started. */
export interface StandbyServer {
  /** Runs main.ts in the child; resolves once it listens. */
  start(timeoutMs?: number): Promise<RunningServer>;
  /** SIGKILLs the child, started or not, and resolves once it has exited. */
  kill(): Promise<void>;
}

/** The started server. */
export interface RunningServer {
  child: ChildProcess;
  port: number;
  /** `ws://127.0.0.1:<port>/collab`. */
  url: string;
  /** ms from the start line to the ready log line: what a restart costs once the code is loaded. */
  startMs: number;
  /** Everything the child wrote, for failure messages. */
  output(): string;
  /** The child's own CPU time (user + system, µs) and memory, as it reports them. */
  usage(): Promise<ServerUsage>;
  kill(): Promise<void>;
}

export interface ServerUsage {
  cpuMicros: number;
  /** Resident set size now, bytes. */
  rss: number;
  /** Peak resident set size since the child started, bytes. */
  maxRss: number;
}

/**
 * Spawns a standby child of `bundle` with `env` (PORT, CLAUSEWRIGHT_DATA_DIR…). Starting it later runs the
 * unchanged main.ts; loading ahead keeps the code-loading time out of each restart and off the timed path.
 */
export async function spawnStandby(
  bundle: ServerBundle,
  env: NodeJS.ProcessEnv,
  timeoutMs = 30_000,
): Promise<StandbyServer> {
  const child = spawn(process.execPath, [STANDBY, bundle.preload, bundle.main], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    out += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  /** Resolves with the first match of `re` in the output after `from`. */
  const waitFor = (re: RegExp, from: number, ms: number) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
        child.off('exit', onExit);
      };
      const check = () => {
        const m = re.exec(out.slice(from));
        if (m) {
          done();
          resolve(m);
        }
      };
      const onExit = (code: number | null, signal: string | null) => {
        done();
        reject(new Error(`server child exited (${code ?? signal}) before it was ready:\n${out}`));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`server child not ready within ${ms} ms:\n${out}`));
      }, ms);
      listeners.add(check);
      child.once('exit', onExit);
      check();
    });
  try {
    await waitFor(/^standby$/m, 0, timeoutMs);
  } catch (e) {
    await kill();
    throw e;
  }
  return {
    kill,
    async start(startTimeoutMs = 20_000) {
      const from = out.length;
      const t0 = performance.now();
      child.stdin?.write('start\n');
      const m = await waitFor(READY, from, startTimeoutMs).catch(async (e: unknown) => {
        await kill();
        throw e;
      });
      const port = Number(m[1]);
      return {
        child,
        port,
        url: `ws://127.0.0.1:${port}/collab`,
        startMs: performance.now() - t0,
        output: () => out,
        kill,
        async usage() {
          const from = out.length;
          child.stdin?.write('usage\n');
          const m = await waitFor(/^usage (\{.*\})$/m, from, 10_000);
          return JSON.parse(m[1] as string) as ServerUsage;
        },
      };
    },
  };
}
