import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerReply, WorkerRequest } from './loadWorker.ts';

/** What one load run measured. */
export interface LoadResult {
  /** Sender-apply → receiver-observe latency in ms, one sample per (keystroke, receiver). */
  samples: number[];
  /** Characters typed in total. */
  typed: number;
  /** Samples expected: typed × (clients − 1). */
  expected: number;
  /** Mean event-loop utilisation of the client processes while typing, 0–1. */
  clientElu: number;
}

export interface LoadOptions {
  clients: number;
  durationMs: number;
  /** Mean ms between one client's keystrokes. @default 200 */
  intervalMs?: number;
  /** Client processes the clients are spread over. @default 4 */
  workers?: number;
  seed?: number;
}

const WORKER = fileURLToPath(new URL('./loadWorker.ts', import.meta.url));
// Time for every worker to receive the start signal before the first keystroke.
const START_DELAY_MS = 500;

/** Resolves with the next reply of `type` from a worker. */
function next<T extends WorkerReply['type']>(child: ChildProcess, type: T): Promise<Extract<WorkerReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: WorkerReply) => {
      if (message.type !== type) return;
      cleanup();
      resolve(message as Extract<WorkerReply, { type: T }>);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`load worker exited (${code}) while waiting for "${type}"`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

const send = (child: ChildProcess, message: WorkerRequest) => child.send(message);

/**
 * `clients` y-websocket clients on document `docName` at `wsUrl`, spread over `workers` child processes so no one
 * client process saturates; each types one character into the Y.Text 'bench' every ~`intervalMs` (jittered) for
 * `durationMs`. Latency is from the sender applying a keystroke to each receiver observing it, both read on the
 * shared wall clock (performance.timeOrigin + performance.now()).
 */
export async function runLoad(wsUrl: string, docName: string, options: LoadOptions): Promise<LoadResult> {
  const workerCount = Math.min(options.workers ?? 4, options.clients);
  const children = Array.from({ length: workerCount }, () =>
    fork(WORKER, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: 'inherit' }),
  );
  try {
    await Promise.all(
      children.map((child, i) => {
        const clients = Math.floor(options.clients / workerCount) + (i < options.clients % workerCount ? 1 : 0);
        const joined = next(child, 'joined');
        send(child, { type: 'join', wsUrl, docName, clients, seed: (options.seed ?? 1) * 100 + i });
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
          intervalMs: options.intervalMs ?? 200,
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
    const sampleReplies = await Promise.all(
      children.map((child) => {
        const replied = next(child, 'samples');
        send(child, { type: 'sends', sends });
        return replied;
      }),
    );
    const samples: number[] = [];
    for (const r of sampleReplies) for (const s of r.samples) samples.push(s);
    const typed = typedReplies.reduce((n, r) => n + r.typed, 0);
    return {
      samples,
      typed,
      expected: typed * (options.clients - 1),
      clientElu: typedReplies.reduce((n, r) => n + r.elu, 0) / typedReplies.length,
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
  }
}
