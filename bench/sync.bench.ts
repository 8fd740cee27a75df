import type { Bench } from './harness.ts';
import { type LoadResult, runLoad } from './sync/load.ts';
import { type ChildServer, startOurServer, startStockServer } from './sync/servers.ts';

// sync.latency.<N>: N y-websocket clients on one document, spread over WORKERS client processes, each typing
// ~5 chars/s for DURATION_MS; latency is sender apply → receiver observe on the shared wall clock. Ours (SqliteStore
// in a temp dir, persistence on) and the stock y-websocket@2 server (in memory) each run in a child process, a fresh
// one per size, under the same load.
const SIZES = [50, 100] as const;
const DURATION_MS = 10_000;
const P99_RATIO_TARGET = 0.5;
const WORKERS = 4;

async function measure(start: () => Promise<ChildServer>, clients: number, docName: string): Promise<LoadResult> {
  const server = await start();
  try {
    return await runLoad(server.wsUrl, docName, { clients, durationMs: DURATION_MS, seed: clients, workers: WORKERS });
  } finally {
    await server.stop();
  }
}

function describe(label: string, clients: number, r: LoadResult): void {
  const missing = r.expected - r.samples.length;
  console.log(
    `  ${label}: ${r.typed} chars typed (${(r.typed / clients / (DURATION_MS / 1000)).toFixed(1)}/s per client), ${r.samples.length}/${r.expected} deliveries observed` +
      `${missing > 0 ? ` (${missing} MISSING)` : ''}, client processes' event loops ${(r.clientElu * 100).toFixed(0)}% busy (mean of ${WORKERS})`,
  );
}

export default async function sync(bench: Bench): Promise<void> {
  for (const clients of SIZES) {
    const ours = await measure(startOurServer, clients, `bench-sync-${clients}`);
    const stock = await measure(startStockServer, clients, `bench-sync-${clients}`);
    describe(`ours  (${clients} clients)`, clients, ours);
    describe(`stock (${clients} clients)`, clients, stock);
    const o = bench.record(`sync.latency.${clients}`, ours.samples, 'ms');
    const s = bench.record(`sync.latency.${clients}.stock`, stock.samples, 'ms');
    bench.record(`sync.latency.${clients}.vsStock`, [o.p99 / s.p99], 'ratio', P99_RATIO_TARGET);
    console.log(
      `  p50 ours ${o.median} ms vs stock ${s.median} ms — ${o.median <= s.median ? 'ok' : 'MISSED'} (target: no worse than stock)`,
    );
  }
}
