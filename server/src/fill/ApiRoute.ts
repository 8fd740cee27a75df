import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Caller } from '../auth/Auth.ts';
import type { TemplateRole } from '../storage/DocumentStore.ts';

/**
 * Who may call a route: anyone (`public`), anyone logged in (`user`), a global admin (`admin`), or someone with at least
 * `role` on the template whose id is the first path param (or what `template` finds from the params, e.g. an issued
 * document's template).
 */
export type RouteAccess =
  | 'public'
  | 'user'
  | 'admin'
  | { role: TemplateRole; template?: (params: string[]) => Promise<string> };

/**
 * One route of the HTTP API: a method, a path pattern whose groups are the (decoded) params, who may call it, and its
 * handler, which gets the caller (null only on public routes).
 */
export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: RegExp;
  access: RouteAccess;
  handle(req: IncomingMessage, res: ServerResponse, params: string[], caller: Caller | null): Promise<void> | void;
}

/** The caller of a route that is not public (the app refuses those requests without one before the handler). */
export function callerOf(caller: Caller | null): Caller {
  if (!caller) throw new Error('a guarded route ran without a caller');
  return caller;
}
