/** Why the server refused or ended this document's connection, as the status area shows it. */
export type ProblemKind =
  | 'revoked'
  | 'loginEnded'
  | 'tooLarge'
  | 'breaksTemplate'
  | 'invalid'
  | 'tooManyConnections'
  | 'readOnly'
  | 'policy';

export interface ConnectionProblem {
  kind: ProblemKind;
  /** The server's own words (close reason or permission-denied reason), shown as the detail. */
  reason: string;
  /** Retrying cannot help: the client stops reconnecting (a reload, or a new login, starts again). */
  permanent: boolean;
}

// Close codes (RFC 6455) the server uses: 1007 an update it refused, 1008 a rule or limit, 1009 a message too big.
const CLOSE_INVALID = 1007;
const CLOSE_POLICY = 1008;
const CLOSE_TOO_BIG = 1009;

/**
 * What a server close means for this page, or null for an ordinary disconnect (network, restart) that reconnecting
 * fixes. Reconnecting after a refused update would only send it again, so those stop; too many connections is worth
 * retrying (another tab may close).
 */
export function closeProblem(code: number, reason: string): ConnectionProblem | null {
  if (code === CLOSE_TOO_BIG) return { kind: 'tooLarge', reason: reason || 'message too big', permanent: true };
  // The server lacked what the update builds on (e.g. changes it dropped while this user was a viewer): a reconnect
  // syncs both ways and sends what was missing.
  if (code === CLOSE_INVALID && reason === 'update depends on missing content') return null;
  if (code === CLOSE_INVALID) {
    const kind = reason.startsWith('update breaks the template') ? 'breaksTemplate' : 'invalid';
    return { kind, reason, permanent: true };
  }
  if (code !== CLOSE_POLICY) return null;
  if (reason === 'access revoked') return { kind: 'revoked', reason, permanent: true };
  if (reason.startsWith('login ended')) return { kind: 'loginEnded', reason, permanent: true };
  if (reason.startsWith('document size limit')) return { kind: 'tooLarge', reason, permanent: true };
  if (reason.startsWith('too many connections')) return { kind: 'tooManyConnections', reason, permanent: false };
  return { kind: 'policy', reason, permanent: true };
}

/** A permission-denied message (y-protocols auth): the connection stays open, the change was not kept. */
export function deniedProblem(reason: string): ConnectionProblem {
  return { kind: 'readOnly', reason, permanent: false };
}
