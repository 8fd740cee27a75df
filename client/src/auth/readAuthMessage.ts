import { TEMPLATE_ROLES, type TemplateRole } from './authApi.ts';

/** y-protocols/auth's permission-denied sub-type: a change the server refused, with its reason. */
export const AUTH_DENIED = 0;

/**
 * The server's auth sub-type beside permission-denied: this connection's role now, sent on connecting and whenever
 * an owner changes it (server/src/collab/attachCollab.ts).
 */
export const AUTH_ROLE = 1;

/** What an auth message (y-websocket type 2) says: a refused change, the connection's role, or nothing we know. */
export type AuthMessage = { kind: 'denied'; reason: string } | { kind: 'role'; role: TemplateRole } | null;

/** The part of lib0's `Decoder` that y-websocket hands its message handlers (lib0 is no dependency of the client). */
export interface ByteReader {
  arr: Uint8Array;
  pos: number;
}

/**
 * Reads an auth message's body (after its type) from `decoder`; a sub-type or role this client does not know is
 * null. Throws on a truncated message, as lib0 does.
 */
export function readAuthMessage(decoder: ByteReader): AuthMessage {
  const subType = readVarUint(decoder);
  if (subType === AUTH_DENIED) return { kind: 'denied', reason: readVarString(decoder) };
  if (subType !== AUTH_ROLE) return null;
  const role = readVarString(decoder);
  return TEMPLATE_ROLES.find((r) => r === role) ? { kind: 'role', role: role as TemplateRole } : null;
}

/** lib0's varuint: 7 bits a byte, low bits first, the high bit set on every byte but the last. */
function readVarUint(decoder: ByteReader): number {
  let value = 0;
  for (let shift = 0; shift < 53; shift += 7) {
    const byte = decoder.arr[decoder.pos++];
    if (byte === undefined) throw new RangeError('auth message ended inside a number');
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return value;
  }
  throw new RangeError('auth message number too long');
}

/** lib0's varstring: a varuint byte length, then UTF-8. */
function readVarString(decoder: ByteReader): string {
  const length = readVarUint(decoder);
  const end = decoder.pos + length;
  if (end > decoder.arr.length) throw new RangeError('auth message ended inside a string');
  const text = new TextDecoder().decode(decoder.arr.subarray(decoder.pos, end));
  decoder.pos = end;
  return text;
}
