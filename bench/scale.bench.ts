import type { Bench } from './harness.ts';
import { runScale, type ScaleResult } from './scale/runScale.ts';

// scale.crossnode.latency: 3 instances (PostgreSQL + Redis relay, each a child process), 150 y-websocket clients
// spread across them, each typing ~5 chars/s; latency is sender apply → receiver observe for sender and receiver on
// different instances. scale.throughput.<N>: the same document on N instances, few clients typing as fast as they
// can; updates/s = keystrokes / (first keystroke → last delivery to every client), so a server that falls behind
// scores lower.
const WORKERS = 4;
const LATENCY = { instances: 3, clients: 150, durationMs: 8000, intervalMs: 200, workers: WORKERS, seed: 7 };
// A server far behind can go quiet for seconds while it works through its backlog: wait long for the last deliveries.
const THROUGHPUT = { clients: 12, durationMs: 4000, intervalMs: 2, workers: WORKERS, seed: 11, drainQuietMs: 5000 };
const LATENCY_TARGET_MS = 50;

const quantile = (samples: number[], q: number) =>
  [...samples].sort((a, b) => a - b)[Math.max(0, Math.ceil(samples.length * q) - 1)]?.toFixed(1) ?? '-';

function describe(label: string, r: ScaleResult): void {
  const missing = r.expected - r.received;
  console.log(
    `  ${label}: ${r.typed} keystrokes, ${r.received}/${r.expected} deliveries observed${missing > 0 ? ` (${missing} MISSING)` : ''}, ` +
      `last delivery ${(r.elapsedMs / 1000).toFixed(2)} s after the first keystroke; ` +
      `across instances p50/p99 ${quantile(r.cross, 0.5)}/${quantile(r.cross, 0.99)} ms, ` +
      `within one p50/p99 ${quantile(r.same, 0.5)}/${quantile(r.same, 0.99)} ms; ` +
      `${(r.received / Math.max(1, r.transactions)).toFixed(1)} deliveries per message, ` +
      `clients' CPU ${(r.clientCpuMicros / Math.max(1, r.received)).toFixed(1)} µs per delivery`,
  );
}

export default async function scale(bench: Bench): Promise<void> {
  // For scale: what the relay costs when the machine is not saturated by the clients themselves.
  const light = await runScale({ ...LATENCY, clients: 30 });
  describe('3 instances, 30 clients (not recorded)', light);
  const latency = await runScale(LATENCY);
  describe('3 instances, 150 clients', latency);
  bench.record('scale.crossnode.latency', latency.cross, 'ms', LATENCY_TARGET_MS, 'p99');
  for (const instances of [1, 3]) {
    const r = await runScale({ ...THROUGHPUT, instances });
    describe(`${instances} instance(s), ${THROUGHPUT.clients} clients typing flat out`, r);
    bench.record(`scale.throughput.${instances}`, [r.typed / (r.elapsedMs / 1000)], 'updates/s');
  }
}
