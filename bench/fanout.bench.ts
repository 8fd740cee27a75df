import type { Bench } from './harness.ts';
import { startFleet } from './resilience/clientFleet.ts';
import { startOurs } from './resilience/startOurs.ts';
import { latencies, type Written, write } from './resilience/writer.ts';
import { processCpuMicros, startStockServer } from './sync/servers.ts';

// fanout.1500: one writer types ~5 updates/s for DURATION_MS into one document that OBSERVERS y-websocket clients
// (spread over WORKERS processes, no awareness) watch; latency is writer apply → observer observe on the shared wall
// clock. Ours is main.ts (auth, limits, SQLite persistence) in a child; the stock y-websocket@2 server (in memory, no
// auth) takes the same load in the same run for fanout.1500.vsStock = our p99 ÷ its p99. Both servers' CPU per update
// per observer (fanout.1500.cpu, fanout.1500.stock.cpu, both read from /proc) is what each server itself spends, apart
// from the clients.
const OBSERVERS = Number(process.env.FANOUT_OBSERVERS ?? 1500);
const DURATION_MS = 10_000;
const INTERVAL_MS = 200;
const WORKERS = 4;
// Deliveries still in flight when the writer stops.
const DRAIN_MS = 2000;
const DOC = 'fanout';
const P99_RATIO_TARGET = 0.5;

interface Run {
  samples: number[];
  written: number;
  /** Server CPU µs per update per observer. */
  cpuMicrosPerDelivery: number;
}

async function measure(wsUrl: string, headers: Record<string, string> | undefined, cpu: () => number) {
  const fleet = await startFleet({ wsUrl, docs: Array(OBSERVERS).fill(DOC), workers: WORKERS, headers });
  try {
    const before = cpu();
    const written: Written = await write(wsUrl, DOC, { durationMs: DURATION_MS, intervalMs: INTERVAL_MS, headers });
    await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
    const after = cpu();
    const samples = latencies(written, await fleet.receipts());
    const count = written.sentAt.size;
    return { samples, written: count, cpuMicrosPerDelivery: (after - before) / (count * OBSERVERS) };
  } finally {
    await fleet.close();
  }
}

function describe(label: string, r: Run): void {
  const expected = r.written * OBSERVERS;
  const missing = expected - r.samples.length;
  console.log(
    `  ${label}: ${r.written} updates × ${OBSERVERS} observers, ${r.samples.length}/${expected} deliveries observed` +
      `${missing > 0 ? ` (${missing} MISSING)` : ''}, server CPU ${r.cpuMicrosPerDelivery.toFixed(2)} µs/update/observer`,
  );
}

export default async function fanout(bench: Bench): Promise<void> {
  const ours = await startOurs([DOC]);
  let our: Run;
  try {
    const server = ours.current();
    our = await measure(ours.url, ours.headers, () => processCpuMicros(server.child.pid as number));
  } finally {
    await ours.stop();
  }
  const stockServer = await startStockServer();
  let stock: Run;
  try {
    stock = await measure(stockServer.wsUrl, undefined, () => stockServer.cpuMicros());
  } finally {
    await stockServer.stop();
  }
  describe('ours ', our);
  describe('stock', stock);
  const name = `fanout.${OBSERVERS}`;
  const o = bench.record(name, our.samples, 'ms');
  const s = bench.record(`${name}.stock`, stock.samples, 'ms');
  bench.record(`${name}.cpu`, [our.cpuMicrosPerDelivery], 'µs');
  bench.record(`${name}.stock.cpu`, [stock.cpuMicrosPerDelivery], 'µs');
  bench.record(`${name}.vsStock`, [o.p99 / s.p99], 'ratio', P99_RATIO_TARGET);
}
