import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

// The root has `ws` but not its types; only the constructor and a few events are needed.
const { WebSocket } = createRequire(import.meta.url)('ws') as {
  WebSocket: new (
    url: string,
  ) => {
    binaryType: string;
    on(event: string, listener: (...args: never[]) => void): void;
    send(data: Uint8Array): void;
    terminate(): void;
  };
};

// y-websocket framing, written out (lib0 is not a root dependency): message type sync = 0, step 1 = 0, step 2 = 1.
// What a fresh y-websocket client sends first: sync, step 1, a 1-byte state vector holding 0 (empty).
const FRESH_STEP_1 = new Uint8Array([0, 0, 1, 0]);

/** Reads lib0's varuint at `offset`: the value and the offset after it. */
function readVarUint(bytes: Uint8Array, offset: number): [number, number] {
  let value = 0;
  let shift = 0;
  let i = offset;
  for (;;) {
    const byte = bytes[i++] ?? 0;
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, i];
    shift += 7;
  }
}

/** How one join went: connect → sync step 2 received, and the size of the state it carried. */
export interface Join {
  ms: number;
  bytes: number;
}

/**
 * Joins document `docId` as a fresh y-websocket client would (sync step 1 with an empty state vector) and resolves
 * when sync step 2 arrives, without applying it: the time is the server's (load, encode, send) plus loopback, not
 * the client's work of applying the document.
 */
export function rawJoin(wsUrl: string, docId: string, timeoutMs = 30_000): Promise<Join> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const ws = new WebSocket(`${wsUrl}/${docId}?name=bench`);
    ws.binaryType = 'nodebuffer';
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`no sync step 2 for ${docId} within ${timeoutMs} ms`));
    }, timeoutMs);
    ws.on('open', () => ws.send(FRESH_STEP_1));
    ws.on('message', (data: Buffer) => {
      // Sync step 2 starts [0, 1]; anything else (the server's own step 1, awareness) is skipped.
      if (data[0] !== 0 || data[1] !== 1) return;
      const ms = performance.now() - started;
      const bytes = readVarUint(data, 2)[0];
      clearTimeout(timer);
      ws.terminate();
      resolve({ ms, bytes });
    });
    ws.on('error', (error: Error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
