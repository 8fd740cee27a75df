import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { createCollabMetrics } from './CollabMetrics.ts';
import { metricsHandler } from './metricsHandler.ts';

it('serves the collab metrics as Prometheus text', async () => {
  const metrics = createCollabMetrics();
  metrics.updates.inc();
  metrics.rejectedFrames.inc({ reason: 'schema' });
  metrics.limitCloses.inc({ kind: 'awareness_rate' });
  metrics.storeAppendSeconds.observe(0.002);
  metrics.docsLoaded.collectFrom(() => 3);
  const server = createServer(metricsHandler(metrics.registry));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    for (const line of [
      'clausewright_collab_connections 0',
      'clausewright_docs_loaded 3',
      'clausewright_updates_total 1',
      'clausewright_rejected_frames_total{reason="schema"} 1',
      'clausewright_limit_closes_total{kind="awareness_rate"} 1',
      'clausewright_store_append_seconds_bucket{le="0.0025"} 1',
      'clausewright_store_append_seconds_count 1',
      '# TYPE process_resident_memory_bytes gauge',
    ]) {
      expect(text).toContain(`${line}\n`);
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
