import type { IncomingMessage } from 'node:http';

const MAX_NAME_LENGTH = 80;

/** Who a collab connection is. */
export interface CollabUser {
  /** Display name, stored as the origin of their updates. */
  name: string;
  /** What per-user connection limits count by (an account id once accounts exist); the name when absent. */
  key?: string;
}

/**
 * Decides whether a request may join a document and under which display name. For now everyone is admitted, named
 * by `?name=` ("anonymous" when absent); roles will be checked here.
 */
export async function authorize(request: IncomingMessage, _docId: string): Promise<CollabUser | null> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const name = url.searchParams.get('name')?.trim().slice(0, MAX_NAME_LENGTH);
  return { name: name || 'anonymous' };
}
