// Minimal typings for the Node-only pieces the connection test uses; the client package does not depend on @types/ws.
declare module 'ws' {
  import type { IncomingMessage } from 'node:http';
  import type { AddressInfo } from 'node:net';

  export class WebSocket {
    constructor(url: string, protocols?: string | string[]);
  }
  export class WebSocketServer {
    constructor(options: { port: number; host?: string });
    clients: Set<{ terminate(): void }>;
    on(event: 'connection', listener: (socket: unknown, request: IncomingMessage) => void): this;
    on(event: 'listening', listener: () => void): this;
    address(): AddressInfo;
    close(callback?: () => void): void;
  }
}

declare module 'y-websocket-stock/bin/utils' {
  import type { IncomingMessage } from 'node:http';

  export function setupWSConnection(socket: unknown, request: IncomingMessage, options?: { docName?: string }): void;
}
