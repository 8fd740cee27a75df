import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';

/** y-websocket message types. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;

/** One decoded client frame of the y-websocket protocol. */
export type CollabFrame =
  /** Sync step 1: the client's state vector, asking for what it lacks. */
  | { kind: 'sync-request'; stateVector: Uint8Array }
  /** Sync step 2 or an update: a Yjs update to apply. */
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

/** A frame that is not the protocol: `reason` is the metric label. */
export class FrameError extends Error {
  readonly reason: 'malformed_frame' | 'unknown_message';

  constructor(reason: FrameError['reason'], message: string) {
    super(message);
    this.reason = reason;
  }
}

/**
 * Decodes one binary frame, its payload copied out of nothing (views into `message`). Throws a `FrameError` for
 * truncated varints, lengths past the end, trailing bytes, unknown message types or sync steps.
 */
export function readCollabFrame(message: Uint8Array): CollabFrame {
  const decoder = decoding.createDecoder(message);
  let type: number;
  try {
    type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const step = decoding.readVarUint(decoder);
      if (step > syncProtocol.messageYjsUpdate) throw new FrameError('unknown_message', `unknown sync step ${step}`);
      const payload = decoding.readVarUint8Array(decoder);
      assertConsumed(decoder);
      return step === syncProtocol.messageYjsSyncStep1
        ? { kind: 'sync-request', stateVector: payload }
        : { kind: 'update', update: payload };
    }
    if (type === MESSAGE_AWARENESS) {
      const update = decoding.readVarUint8Array(decoder);
      assertConsumed(decoder);
      return { kind: 'awareness', update };
    }
    if (type === MESSAGE_QUERY_AWARENESS) {
      assertConsumed(decoder);
      return { kind: 'query-awareness' };
    }
  } catch (error) {
    if (error instanceof FrameError) throw error;
    // lib0 throws plain Errors and RangeErrors for truncated varints and lengths past the end.
    throw new FrameError('malformed_frame', `malformed frame: ${(error as Error).message}`);
  }
  throw new FrameError('unknown_message', `unknown message type ${type}`);
}

function assertConsumed(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new FrameError('malformed_frame', 'trailing bytes after the message');
}
