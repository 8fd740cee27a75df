import * as decoding from 'lib0/decoding';

/** One client's entry in an awareness update. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** Its state: an object, or null when the client left. */
  state: Record<string, unknown> | null;
  /** Bytes of the state's JSON. */
  bytes: number;
}

/**
 * The entries of an encoded awareness update, or what is wrong with it: it must decode completely (count, then per
 * client its id, clock and a JSON state), with nothing after it, and each state must be an object or null. Checked
 * before the hub applies it, because y-protocols applies the entries one by one: a bad entry after good ones would
 * leave the good ones applied, unsent, and handed to the next joiner.
 */
export function checkAwarenessUpdate(update: Uint8Array): { entries: AwarenessEntry[] } | { problem: string } {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      const state: unknown = JSON.parse(json);
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
        return { problem: 'awareness state is not an object' };
      }
      entries.push({ clientId, clock, state: state as AwarenessEntry['state'], bytes: json.length });
    }
    if (decoding.hasContent(decoder)) return { problem: 'trailing bytes after the awareness update' };
    return { entries };
  } catch {
    return { problem: 'awareness update cannot be decoded' };
  }
}
