import * as decoding from 'lib0/decoding';
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

/**
 * Reads an auth message's body (after its type) from the decoder y-websocket hands its message handlers; a sub-type
 * or role this client does not know is null. Throws on a truncated message, as lib0 does.
 */
export function readAuthMessage(decoder: decoding.Decoder): AuthMessage {
  const subType = decoding.readVarUint(decoder);
  if (subType === AUTH_DENIED) return { kind: 'denied', reason: decoding.readVarString(decoder) };
  if (subType !== AUTH_ROLE) return null;
  const role = decoding.readVarString(decoder);
  return TEMPLATE_ROLES.find((r) => r === role) ? { kind: 'role', role: role as TemplateRole } : null;
}
