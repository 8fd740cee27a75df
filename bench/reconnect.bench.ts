import { performance } from 'node:perf_hooks';
import { freePort } from '../client/e2e/harness/freePort.ts';
import type { Bench } from './harness.ts';
import { startFleet } from './resilience/clientFleet.ts';
import { startOurs } from './resilience/startOurs.ts';

// reconnect.storm: CLIENTS y-websocket clients (over WORKERS processes, each having left one edit) on DOCS documents
// of main.ts in a child; the server is SIGKILLed and started again on the same port and store (loading its code
// afresh), RESTARTS times. Measured: kill → every client synced again (ms; target ≤ 10 s), kill → listening, and the
// restarted server's peak RSS.
const CLIENTS = Number(process.env.STORM_CLIENTS ?? 1500);
const DOCS = 100;
const WORKERS = 4;
const RESTARTS = 3;
const TARGET_MS = 10_000;

const now = () => performance.timeOrigin + performance.now();

export default async function reconnect(bench: Bench): Promise<void> {
  const docIds = Array.from({ length: DOCS }, (_, i) => `storm-${i}`);
  const ours = await startOurs(docIds, await freePort());
  const resync: number[] = [];
  const listening: number[] = [];
  const peakMb: number[] = [];
  try {
    const fleet = await startFleet({
      wsUrl: ours.url,
      docs: Array.from({ length: CLIENTS }, (_, i) => docIds[i % DOCS] as string),
      workers: WORKERS,
      headers: ours.headers,
      edit: true,
    });
    try {
      for (let run = 0; run < RESTARTS; run++) {
        const { resynced } = await fleet.watchResync();
        const killedAt = now();
        const server = await ours.restart();
        const upAt = now();
        const doneAt = await resynced;
        const usage = await server.usage();
        if (server.child.exitCode !== null || server.child.signalCode !== null) {
          throw new Error(`the restarted server died during the storm:\n${server.output().slice(-4000)}`);
        }
        resync.push(doneAt - killedAt);
        listening.push(upAt - killedAt);
        peakMb.push(usage.maxRss / 2 ** 20);
        console.log(
          `  restart ${run + 1}: listening after ${Math.round(upAt - killedAt)} ms, ${CLIENTS} clients on ${DOCS} docs ` +
            `resynced after ${Math.round(doneAt - killedAt)} ms; server peak RSS ${(usage.maxRss / 2 ** 20).toFixed(0)} MB`,
        );
      }
    } finally {
      await fleet.close();
    }
  } finally {
    await ours.stop();
  }
  bench.record('reconnect.storm', resync, 'ms', TARGET_MS);
  bench.record('reconnect.storm.listening', listening, 'ms');
  bench.record('reconnect.storm.peakRss', peakMb, 'MB');
}
