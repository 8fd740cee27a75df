import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { attachCollab } from '../../server/src/collab/attachCollab.ts';
import { DocumentHub } from '../../server/src/collab/DocumentHub.ts';
import { readCollabLimits } from '../../server/src/limits/readCollabLimits.ts';
import { SqliteStore } from '../../server/src/storage/SqliteStore.ts';
import { OUR_DB_FILE } from './servers.ts';

// The co-editing server as main.ts assembles it (SqliteStore + DocumentHub + attachCollab, main.ts's limits), without
// the template HTTP API and without accounts: the stock server it is compared with checks no logins either. Every
// bench client comes from one address, as behind a load balancer, so the per-address limits are off. Started by
// sync.bench.ts and server.bench.ts as a child process: `PORT` (0 picks one), `CLAUSEWRIGHT_DATA_DIR` (required);
// prints `listening <port>` once ready and stops on SIGTERM/SIGINT or when its stdin closes (the parent went away).
const dataDir = process.env.CLAUSEWRIGHT_DATA_DIR;
if (!dataDir) throw new Error('CLAUSEWRIGHT_DATA_DIR is required');
const store = SqliteStore.open(path.join(dataDir, OUR_DB_FILE));
const hub = new DocumentHub(store);
const server = createServer((_req, res) => {
  res.writeHead(404).end();
});
await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(Number(process.env.PORT ?? 0), process.env.HOST || '127.0.0.1', () => resolve());
});
const collab = attachCollab(server, hub, {
  authenticate: null,
  limits: { ...readCollabLimits(process.env), maxConnectionsPerIp: 0, maxUpgradesPerIpPerSecond: 0 },
});
console.log(`listening ${(server.address() as AddressInfo).port}`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), 5000).unref();
  (async () => {
    await collab.close();
    await hub.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await store.close();
  })().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error('bench server: error while stopping', e);
      process.exit(1);
    },
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
