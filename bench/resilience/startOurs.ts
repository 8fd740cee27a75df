import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleServer, type ServerBundle } from '../../server/test/durability/bundleServer.ts';
import { prepareDataDir } from '../../server/test/durability/prepareDataDir.ts';
import { type RunningServer, spawnStandby } from '../../server/test/durability/startStandbyServer.ts';

/** The whole server (main.ts: auth, limits, metrics, SQLite) in a child process, for the resilience benchmarks. */
export interface OurServer {
  /** `ws://127.0.0.1:<port>/collab`; the same across restarts when a port was given. */
  readonly url: string;
  /** The upgrade headers that let a client in (the admin's bearer token). */
  readonly headers: Record<string, string>;
  /** The child now running. */
  current(): RunningServer;
  /**
   * SIGKILLs the child and starts a new one on the same port and store, loading the code from scratch as a real
   * restart does; resolves once it listens.
   */
  restart(): Promise<RunningServer>;
  stop(): Promise<void>;
}

/**
 * Starts main.ts (bundled) with `docIds` in a fresh store. Limits are lifted where every benchmark client comes from
 * one address and one account, which production traffic does not.
 */
export async function startOurs(docIds: string[], port = 0): Promise<OurServer> {
  const bundle: ServerBundle = await bundleServer();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cw-resilience-data-'));
  const templatesDir = await mkdtemp(path.join(tmpdir(), 'cw-resilience-templates-'));
  const cleanup = async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(templatesDir, { recursive: true, force: true });
  };
  const env = {
    PORT: String(port),
    CLAUSEWRIGHT_DATA_DIR: dataDir,
    CLAUSEWRIGHT_TEMPLATES_DIR: templatesDir,
    CLAUSEWRIGHT_CLIENT_DIR: path.join(templatesDir, 'no-client'),
    CLAUSEWRIGHT_MAX_CONNECTIONS_PER_IP: '0',
    CLAUSEWRIGHT_MAX_UPGRADES_PER_IP_PER_SECOND: '0',
    CLAUSEWRIGHT_MAX_CONNECTIONS_PER_USER: '100000',
    LOG_LEVEL: 'info',
  };
  let server: RunningServer;
  let headers: Record<string, string>;
  try {
    headers = await prepareDataDir(dataDir, docIds);
    server = await (await spawnStandby(bundle, env)).start();
  } catch (e) {
    await cleanup();
    throw e;
  }
  return {
    url: server.url,
    headers,
    current: () => server,
    async restart() {
      await server.kill();
      server = await (await spawnStandby(bundle, env)).start();
      return server;
    },
    async stop() {
      await server.kill();
      await cleanup();
    },
  };
}
