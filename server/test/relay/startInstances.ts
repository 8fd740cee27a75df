import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import type { RelayStats } from '../../src/relay/RedisRelay.ts';

const INSTANCE = fileURLToPath(new URL('./instance.ts', import.meta.url));
const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** The Redis every developer and CI machine runs; override with CLAUSEWRIGHT_TEST_REDIS_URL. */
export const TEST_REDIS_URL = process.env.CLAUSEWRIGHT_TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** A key prefix no other test run uses. */
export const freshPrefix = () => `cw-test-${randomBytes(5).toString('hex')}:`;

/** One `instance.ts` child process. */
export interface Instance {
  id: string;
  child: ChildProcess;
  port: number;
  /** `ws://127.0.0.1:<port>/collab`. */
  url: string;
  output(): string;
  exited: Promise<void>;
  /** The relay's counters. */
  stats(): Promise<RelayStats>;
}

/** Where the instances keep their data and meet. */
export interface Cluster {
  /** PostgreSQL URL and schema, or a SQLite data folder shared by the instances. */
  databaseUrl?: string;
  schema?: string;
  dataDir?: string;
  redisUrl?: string;
  prefix: string;
}

/** Starts one instance (its id `id`) on a free port; `env` adds variables (CW_STORE_DELAY_MS…). */
export function startInstance(
  cluster: Cluster,
  id: string,
  env: Record<string, string> = {},
  timeoutMs = 20_000,
): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', INSTANCE], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      CLAUSEWRIGHT_DATABASE_URL: cluster.databaseUrl ?? '',
      CW_PG_SCHEMA: cluster.schema ?? '',
      CLAUSEWRIGHT_DATA_DIR: cluster.dataDir ?? '',
      CLAUSEWRIGHT_REDIS_URL: cluster.redisUrl ?? TEST_REDIS_URL,
      CW_REDIS_PREFIX: cluster.prefix,
      CW_INSTANCE_ID: id,
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stderr?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`instance ${id} did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      const before = out;
      out += chunk.toString();
      const port = /listening (\d+)/.exec(out)?.[1];
      if (!port || /listening (\d+)/.test(before)) return;
      clearTimeout(timer);
      const p = Number(port);
      resolve({
        id,
        child,
        port: p,
        url: `ws://127.0.0.1:${p}/collab`,
        output: () => out,
        exited,
        stats: async () => (await (await fetch(`http://127.0.0.1:${p}/relay-stats`)).json()) as RelayStats,
      });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`instance ${id} exited (${code ?? signal}) before it was ready:\n${out}`));
    });
  });
}

/** SIGKILLs an instance (if running) and waits until it is gone. */
export async function killInstance(instance: Instance): Promise<void> {
  if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill('SIGKILL');
  await instance.exited;
}

/** Stops an instance the polite way (SIGTERM: sessions closed, pending updates stored and published). */
export async function stopInstance(instance: Instance): Promise<void> {
  if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill('SIGTERM');
  await instance.exited;
}

/** Deletes every key under `prefix`. */
export async function dropKeys(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(url, { protocol: 2 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Closes every Redis connection the relays under `prefix` hold (they reconnect); resolves with how many. */
export async function killRelayConnections(prefix: string, url = TEST_REDIS_URL): Promise<number> {
  const redis = new Redis(url, { protocol: 2 });
  try {
    const list = (await redis.call('CLIENT', 'LIST')) as string;
    const ids = list
      .split('\n')
      .filter((line) => line.includes(` name=${prefix.replace(/[^\w:.-]/g, '_')}relay:`))
      .map((line) => /id=(\d+)/.exec(line)?.[1])
      .filter((id): id is string => Boolean(id));
    for (const id of ids) await redis.call('CLIENT', 'KILL', 'ID', id);
    return ids.length;
  } finally {
    redis.disconnect();
  }
}
