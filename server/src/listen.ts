import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  /** The underlying server, for upgrade handlers such as the collab websockets. */
  server: Server;
  /** `http://localhost:<port>`, with the port actually bound (useful with port 0). */
  url: string;
  port: number;
  /** Stops accepting connections, ends idle keep-alive ones and resolves once every request has finished. */
  close(): Promise<void>;
}

/** Serves `app` on `port` (0 picks a free one) and resolves once it is listening. */
export function listen(app: RequestListener, port: number, host?: string): Promise<RunningServer> {
  const server = createServer(app);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const bound = (server.address() as AddressInfo).port;
      resolve({
        server,
        url: `http://localhost:${bound}`,
        port: bound,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((e) => (e ? fail(e) : done()));
            server.closeIdleConnections();
          }),
      });
    });
  });
}
