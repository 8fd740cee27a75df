import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FleetReply, FleetRequest } from './fleetWorker.ts';

const WORKER = fileURLToPath(new URL('./fleetWorker.ts', import.meta.url));

/** y-websocket clients spread over worker processes, so no one client process saturates before the server does. */
export interface ClientFleet {
  /** Every receipt of a remote update in every client: flat triples (client, clock, wall-clock ms). */
  receipts(): Promise<Float64Array>;
  /**
   * Starts watching every client for a disconnect followed by a resync; resolves once all workers watch, with
   * `resynced`: the wall-clock ms at which the last worker had all its clients synced again.
   */
  watchResync(): Promise<{ resynced: Promise<number> }>;
  close(): Promise<void>;
}

export interface FleetOptions {
  wsUrl: string;
  /** The document each client opens, one entry per client. */
  docs: string[];
  workers: number;
  headers?: Record<string, string>;
  /** Each client inserts one character after syncing. */
  edit?: boolean;
}

/** Resolves with the next reply of `type` from a worker; a worker's error or exit rejects. */
function next<T extends FleetReply['type']>(child: ChildProcess, type: T): Promise<Extract<FleetReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FleetReply) => {
      if (message.type === 'error') {
        cleanup();
        reject(new Error(`fleet worker: ${message.message}`));
      } else if (message.type === type) {
        cleanup();
        resolve(message as Extract<FleetReply, { type: T }>);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`fleet worker exited (${code}) while waiting for "${type}"`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

const send = (child: ChildProcess, message: FleetRequest) => child.send(message);

async function stop(children: ChildProcess[]): Promise<void> {
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

/** Forks `workers` processes and joins `docs.length` clients over them; resolves once every client has synced. */
export async function startFleet(options: FleetOptions): Promise<ClientFleet> {
  const count = Math.min(options.workers, options.docs.length);
  const children = Array.from({ length: count }, () =>
    fork(WORKER, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: 'inherit' }),
  );
  try {
    await Promise.all(
      children.map((child, i) => {
        const joined = next(child, 'joined');
        send(child, {
          type: 'join',
          wsUrl: options.wsUrl,
          docs: options.docs.filter((_, k) => k % count === i),
          headers: options.headers,
          edit: options.edit ?? false,
        });
        return joined;
      }),
    );
  } catch (e) {
    await stop(children);
    throw e;
  }
  return {
    async receipts() {
      const replies = await Promise.all(
        children.map((child) => {
          const r = next(child, 'receipts');
          send(child, { type: 'receipts' });
          return r;
        }),
      );
      const all = new Float64Array(replies.reduce((n, r) => n + r.receipts.length, 0));
      let offset = 0;
      for (const r of replies) {
        all.set(r.receipts, offset);
        offset += r.receipts.length;
      }
      return all;
    },
    async watchResync() {
      const watching = children.map((child) => next(child, 'watching'));
      const replies = children.map((child) => next(child, 'resynced'));
      // Settled later; a worker failing in between must not be an unhandled rejection meanwhile.
      for (const r of replies) r.catch(() => {});
      for (const child of children) send(child, { type: 'watchResync' });
      await Promise.all(watching);
      return { resynced: Promise.all(replies).then((all) => Math.max(...all.map((r) => r.at))) };
    },
    close: () => stop(children),
  };
}
