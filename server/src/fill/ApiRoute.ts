import type { IncomingMessage, ServerResponse } from 'node:http';

/** One route of the HTTP API: a method, a path pattern whose groups are the (decoded) params, and its handler. */
export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: RegExp;
  handle(req: IncomingMessage, res: ServerResponse, params: string[]): Promise<void> | void;
}
