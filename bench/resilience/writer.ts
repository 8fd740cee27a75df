import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { connect, synced } from '../../server/test/collab/startCollab.ts';

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What one writer sent: its client id and, per clock, the wall-clock ms it applied that edit. */
export interface Written {
  client: number;
  sentAt: Map<number, number>;
}

/**
 * One y-websocket client typing one character into Y.Text 'bench' every `intervalMs` for `durationMs`, on the same
 * wall clock as the fleet workers' receipts.
 */
export async function write(
  wsUrl: string,
  docName: string,
  options: { durationMs: number; intervalMs: number; headers?: Record<string, string> },
): Promise<Written> {
  const doc = new Y.Doc();
  const provider = connect(wsUrl, docName, doc, 'writer', options.headers);
  try {
    await synced(provider);
    const text = doc.getText('bench');
    const sentAt = new Map<number, number>();
    const stopAt = now() + options.durationMs;
    let due = now();
    while (now() < stopAt) {
      sentAt.set(Y.getState(doc.store, doc.clientID), now());
      text.insert(text.length, 'w');
      due += options.intervalMs;
      await sleep(Math.max(0, due - now()));
    }
    return { client: doc.clientID, sentAt };
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

/** Latency samples (ms) of `written` in fleet receipts (flat client, clock, time triples), and how many there are. */
export function latencies(written: Written, receipts: Float64Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < receipts.length; i += 3) {
    if (receipts[i] !== written.client) continue;
    const sent = written.sentAt.get(receipts[i + 1] as number);
    if (sent !== undefined) out.push((receipts[i + 2] as number) - sent);
  }
  return out;
}
