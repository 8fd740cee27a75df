import type { IncomingMessage } from 'node:http';
import type { UpgradeDecision } from '../auth/authenticateUpgrade.ts';
import type { TemplateRole } from '../storage/DocumentStore.ts';

const MAX_NAME_LENGTH = 80;

/** Who a collab connection is. */
export interface CollabUser {
  /** Display name (the account's), stored as the origin of their updates. */
  name: string;
  /** What per-user connection limits count by: the account id; the name when there are no accounts. */
  key: string;
  /** The account id, for revocation; null without accounts. */
  userId: string | null;
  /** A viewer's connection is read-only: its document updates are dropped and answered with permission-denied. */
  role: TemplateRole;
}

/** Decides an upgrade from its headers alone (the session cookie or a bearer token, never the URL). */
export type UpgradeAuthenticator = (request: IncomingMessage, docId: string) => Promise<UpgradeDecision>;

/** Why an upgrade is refused: the HTTP status it is answered with. */
export interface Refusal {
  status: 401 | 403 | 404;
  message: string;
}

/**
 * Decides whether a request may join a document, as whom and with which role. With `authenticate` (the server's
 * accounts) the account decides and `?name=` is ignored; without it (tools and tests that run no accounts) everyone
 * is an editor named by `?name=` ("anonymous" when absent).
 */
export async function authorize(
  request: IncomingMessage,
  docId: string,
  authenticate?: UpgradeAuthenticator,
): Promise<CollabUser | Refusal> {
  if (!authenticate) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const name = url.searchParams.get('name')?.trim().slice(0, MAX_NAME_LENGTH) || 'anonymous';
    return { name, key: name, userId: null, role: 'editor' };
  }
  const decision = await authenticate(request, docId);
  if ('status' in decision) return decision;
  const { user, role } = decision;
  return { name: user.displayName || user.username, key: user.id, userId: user.id, role };
}

/**
 * The credentials of an upgrade, kept to authenticate the connection again when access may have changed (a role
 * taken away, a password changed); nothing else of the request is held.
 */
export function credentialsOf(request: IncomingMessage): IncomingMessage {
  const { authorization, cookie } = request.headers;
  const headers: Record<string, string> = {};
  if (authorization !== undefined) headers.authorization = authorization;
  if (cookie !== undefined) headers.cookie = cookie;
  return { headers } as unknown as IncomingMessage;
}
