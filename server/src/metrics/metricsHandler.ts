import type { IncomingMessage, ServerResponse } from 'node:http';
import { type MetricsRegistry, PROMETHEUS_CONTENT_TYPE } from './MetricsRegistry.ts';

/** `GET /metrics`: the registry in the Prometheus text format, never cached. */
export function metricsHandler(registry: MetricsRegistry): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const body = Buffer.from(registry.render(), 'utf8');
    res.writeHead(200, {
      'content-type': PROMETHEUS_CONTENT_TYPE,
      'content-length': body.byteLength,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
