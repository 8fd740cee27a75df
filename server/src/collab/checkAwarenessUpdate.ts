import * as decoding from 'lib0/decoding';

/**
 * What is wrong with an encoded awareness update, or null: it must decode completely (count, then per client its
 * id, clock and a JSON state), with nothing after it, and each state must be an object or null. Checked before the
 * hub applies it, because y-protocols applies the entries one by one: a bad entry after good ones would leave the
 * good ones applied, unsent, and handed to the next joiner.
 */
export function checkAwarenessUpdate(update: Uint8Array): string | null {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      if (state !== null && (typeof state !== 'object' || Array.isArray(state)))
        return 'awareness state is not an object';
    }
    if (decoding.hasContent(decoder)) return 'trailing bytes after the awareness update';
    return null;
  } catch {
    return 'awareness update cannot be decoded';
  }
}
