import type { IncomingMessage } from 'node:http';
import type { Auth } from './Auth.ts';
import type { StoredUser, SummaryStore, TemplateRole } from './authTypes.ts';

/** What a websocket upgrade may do: the account and its role, or why it is refused (an HTTP status to answer with). */
export type UpgradeDecision = { user: StoredUser; role: TemplateRole } | { status: 401 | 403 | 404; message: string };

/**
 * Decides a websocket upgrade to template `docId` before anything is loaded: the session cookie or an
 * `Authorization: Bearer` header (never a token in the URL) → 401 without either, 403 without a role on the
 * template, 404 when an admin asks for a template that does not exist; otherwise the account and its role (a viewer's
 * connection is read-only).
 */
export async function authenticateUpgrade(
  auth: Auth,
  store: SummaryStore,
  request: IncomingMessage,
  docId: string,
): Promise<UpgradeDecision> {
  const caller = await auth.authenticate(request);
  if (!caller) return { status: 401, message: 'log in first (session cookie or Authorization: Bearer token)' };
  const role = await auth.roleOn(caller.user, docId);
  if (!role) return { status: 403, message: `no role on template "${docId}"` };
  if (!(await store.summary(docId))) return { status: 404, message: `no template "${docId}"` };
  return { user: caller.user, role };
}

/** `authenticateUpgrade` bound to one server's auth and store: `(request, docId) => decision`, for the collab layer. */
export function createUpgradeAuthenticator(
  auth: Auth,
  store: SummaryStore,
): (request: IncomingMessage, docId: string) => Promise<UpgradeDecision> {
  return (request, docId) => authenticateUpgrade(auth, store, request, docId);
}
