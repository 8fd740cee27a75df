import type { LimitKind } from '../limits/CollabLimits.ts';
import type { Counter } from './Counter.ts';
import type { Gauge } from './Gauge.ts';
import type { Histogram } from './Histogram.ts';
import { MetricsRegistry } from './MetricsRegistry.ts';

/** Why a frame was refused, as the `reason` label of `clausewright_rejected_frames_total`. */
export type RejectReason =
  | 'text_frame'
  | 'malformed_frame'
  | 'unknown_message'
  | 'invalid_update'
  | 'missing_dependencies'
  | 'schema'
  | 'invalid_awareness'
  | 'invalid_state_vector';

/** The server's metrics, all in `registry`; `GET /metrics` renders it. */
export interface CollabMetrics {
  readonly registry: MetricsRegistry;
  /** Open collab websockets. */
  readonly connections: Gauge;
  /** Documents loaded or loading in the hub (read at scrape time). */
  readonly docsLoaded: Gauge;
  /** Y.Doc copies the update checks hold (documents edited in the last minute; read at scrape time). */
  readonly checkCopies: Gauge;
  /** Document updates accepted from clients (`rate()` of it is updates/s). */
  readonly updates: Counter;
  /** Frames refused, by reason; each one closed its connection. */
  readonly rejectedFrames: Counter;
  /** Connections closed or upgrades refused for a limit, by kind. */
  readonly limitCloses: Counter;
  /** Seconds per `DocumentStore.append`, measured by `timeStore`. */
  readonly storeAppendSeconds: Histogram;
  /** Websocket upgrades refused by the access check, by HTTP status (401, 403, 404). */
  readonly upgradesRefused: Counter;
  /** Document updates from read-only (viewer) connections, dropped and answered with permission-denied. */
  readonly readOnlyDropped: Counter;
  /** Open connections closed because their access was taken away or their login ended. */
  readonly accessRevoked: Counter;
}

/** Append latency buckets, 0.5 ms to 5 s: a batched SQLite commit is ~1 ms, a stalled disk seconds. */
const APPEND_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Registers the collab metrics (and the process' memory) in `registry`, a fresh one by default. */
export function createCollabMetrics(registry = new MetricsRegistry()): CollabMetrics {
  const metrics: CollabMetrics = {
    registry,
    connections: registry.gauge('clausewright_collab_connections', 'Open co-editing websocket connections.'),
    docsLoaded: registry.gauge('clausewright_docs_loaded', 'Documents loaded (or loading) in the hub.'),
    checkCopies: registry.gauge(
      'clausewright_check_copies',
      'Y.Doc copies of edited documents held to check updates against the template schema.',
    ),
    updates: registry.counter('clausewright_updates_total', 'Document updates accepted from clients.'),
    rejectedFrames: registry.counter(
      'clausewright_rejected_frames_total',
      'Frames refused (the sending connection was closed), by reason.',
      ['reason'],
    ),
    limitCloses: registry.counter(
      'clausewright_limit_closes_total',
      'Connections closed or upgrades refused for a limit, by kind.',
      ['kind'],
    ),
    storeAppendSeconds: registry.histogram(
      'clausewright_store_append_seconds',
      'Time for one update to be committed by the document store.',
      APPEND_BUCKETS,
    ),
    upgradesRefused: registry.counter(
      'clausewright_upgrades_refused_total',
      'Co-editing upgrades refused for missing credentials (401), no role (403) or no such template (404).',
      ['status'],
    ),
    readOnlyDropped: registry.counter(
      'clausewright_readonly_updates_dropped_total',
      'Document updates from viewers, dropped (never stored or relayed) and answered with permission-denied.',
    ),
    accessRevoked: registry.counter(
      'clausewright_access_revoked_closes_total',
      'Open co-editing connections closed because access was taken away or the login ended.',
    ),
  };
  registry.gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', () => process.memoryUsage.rss());
  registry.gauge('nodejs_heap_used_bytes', 'V8 heap in use, in bytes.', () => process.memoryUsage().heapUsed);
  return metrics;
}

/** Counts a limit being enforced. */
export function countLimit(metrics: CollabMetrics, kind: LimitKind): void {
  metrics.limitCloses.inc({ kind });
}

/** Counts a refused frame. */
export function countRejected(metrics: CollabMetrics, reason: RejectReason): void {
  metrics.rejectedFrames.inc({ reason });
}
