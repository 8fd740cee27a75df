import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PgStore } from '../../server/src/storage/PgStore.ts';
import {
  dropKeys,
  freshPrefix,
  type Instance,
  startInstance,
  stopInstance,
} from '../../server/test/relay/startInstances.ts';
import { dropSchema, freshSchema, TEST_DATABASE_URL } from '../../server/test/storage/pgTestDatabase.ts';
import type { ScaleReply, ScaleRequest } from './scaleWorker.ts';

/** What one run measured. */
export interface ScaleResult {
  /** Latency of each delivery between clients of different instances, in ms. */
  cross: number[];
  /** The same for clients of one instance, for comparison. */
  same: number[];
  typed: number;
  /** Deliveries observed, and expected (typed × (clients − 1)). */
  received: number;
  expected: number;
  /** From the first keystroke to the last delivery, in ms. */
  elapsedMs: number;
  /** Messages the clients applied (fewer than deliveries when the servers merged updates). */
  transactions: number;
  /** CPU the client processes spent from joining to the end, µs: what saturates a small machine first. */
  clientCpuMicros: number;
}

export interface ScaleOptions {
  instances: number;
  clients: number;
  durationMs: number;
  /** Mean ms between one client's keystrokes. */
  intervalMs: number;
  workers: number;
  seed: number;
  /** Typing over, a client process waits for deliveries until none came for this long. @default 1000 */
  drainQuietMs?: number;
}

const WORKER = fileURLToPath(new URL('./scaleWorker.ts', import.meta.url));
const START_DELAY_MS = 500;

function next<T extends ScaleReply['type']>(child: ChildProcess, type: T): Promise<Extract<ScaleReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ScaleReply) => {
      if (message.type !== type) return;
      cleanup();
      resolve(message as Extract<ScaleReply, { type: T }>);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`scale worker exited (${code}) while waiting for "${type}"`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

const send = (child: ChildProcess, message: ScaleRequest) => child.send(message);

/**
 * `options.instances` server instances (bench instance.ts: PostgreSQL in a throwaway schema + the Redis relay under
 * a throwaway prefix) serving one document to `options.clients` y-websocket clients, client g on instance g mod N,
 * spread over `options.workers` client processes; each client types into one Y.Text every ~`intervalMs`.
 */
export async function runScale(options: ScaleOptions): Promise<ScaleResult> {
  const schema = freshSchema();
  const prefix = freshPrefix();
  // Creates and migrates the schema once, before the instances start.
  await (await PgStore.open(TEST_DATABASE_URL, { schema })).close();
  const instances: Instance[] = [];
  const children: ChildProcess[] = [];
  try {
    instances.push(
      ...(await Promise.all(
        Array.from({ length: options.instances }, (_, i) =>
          startInstance({ databaseUrl: TEST_DATABASE_URL, schema, prefix }, `bench${i}`),
        ),
      )),
    );
    const wsUrls = instances.map((i) => i.url);
    const docName = `bench-scale-${options.instances}-${options.clients}`;
    const workerCount = Math.min(options.workers, options.clients);
    children.push(
      ...Array.from({ length: workerCount }, () =>
        fork(WORKER, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: 'inherit' }),
      ),
    );
    let firstIndex = 0;
    await Promise.all(
      children.map((child, i) => {
        const clients = Math.floor(options.clients / workerCount) + (i < options.clients % workerCount ? 1 : 0);
        const joined = next(child, 'joined');
        send(child, { type: 'join', wsUrls, docName, clients, firstIndex, seed: options.seed * 100 + i });
        firstIndex += clients;
        return joined;
      }),
    );
    const startAt = performance.timeOrigin + performance.now() + START_DELAY_MS;
    const typedReplies = await Promise.all(
      children.map((child) => {
        const typed = next(child, 'typed');
        send(child, {
          type: 'type',
          startAt,
          durationMs: options.durationMs,
          intervalMs: options.intervalMs,
          drainQuietMs: options.drainQuietMs ?? 1000,
        });
        return typed;
      }),
    );
    const sends = new Float64Array(typedReplies.reduce((n, r) => n + r.sends.length, 0));
    let offset = 0;
    for (const r of typedReplies) {
      sends.set(r.sends, offset);
      offset += r.sends.length;
    }
    const replies = await Promise.all(
      children.map((child) => {
        const replied = next(child, 'samples');
        send(child, { type: 'sends', sends });
        return replied;
      }),
    );
    const typed = typedReplies.reduce((n, r) => n + r.typed, 0);
    const cross: number[] = [];
    const same: number[] = [];
    for (const r of replies) {
      for (const s of r.cross) cross.push(s);
      for (const s of r.same) same.push(s);
    }
    return {
      cross,
      same,
      typed,
      received: replies.reduce((n, r) => n + r.received, 0),
      expected: typed * (options.clients - 1),
      elapsedMs: Math.max(...replies.map((r) => r.lastAt)) - startAt,
      transactions: replies.reduce((n, r) => n + r.transactions, 0),
      clientCpuMicros: replies.reduce((n, r) => n + r.cpuMicros, 0),
    };
  } finally {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            if (child.connected) send(child, { type: 'exit' });
            else child.kill();
            setTimeout(() => child.kill('SIGKILL'), 5000).unref();
          }),
      ),
    );
    await Promise.all(instances.map(stopInstance));
    await dropSchema(schema);
    await dropKeys(prefix);
  }
}
