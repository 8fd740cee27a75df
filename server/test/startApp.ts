import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AttachedCollab, attachCollab } from '../src/collab/attachCollab.ts';
import { DocumentHub } from '../src/collab/DocumentHub.ts';
import { seedTemplates } from '../src/collab/seedTemplates.ts';
import { type AppOptions, createApp } from '../src/createApp.ts';
import { createLogger } from '../src/createLogger.ts';
import { listen, type RunningServer } from '../src/listen.ts';
import { SqliteStore } from '../src/storage/index.ts';
import { TemplateLibrary } from '../src/TemplateLibrary.ts';

/** The repository's own templates folder. */
export const REPO_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

export interface TestServer extends RunningServer {
  library: TemplateLibrary;
  store: SqliteStore;
  hub: DocumentHub;
  collab: AttachedCollab;
  /** `ws://127.0.0.1:<port>/collab`, the y-websocket server URL. */
  wsUrl: string;
  /** `fetch` relative to the server's URL. */
  get(path: string): Promise<Response>;
  post(path: string, body: unknown): Promise<Response>;
}

/**
 * The whole server as main.ts assembles it — templates from `dir` seeded into a SqliteStore in a fresh temp
 * folder, the hub, the API and the collab websockets — on a free port, logging nothing. `close()` removes it all.
 */
export async function startApp(
  dir: string,
  options: Partial<Pick<AppOptions, 'clientDir' | 'bodyLimit'>> & { unloadAfterMs?: number } = {},
): Promise<TestServer> {
  const { unloadAfterMs, ...appOptions } = options;
  const logger = createLogger('silent');
  const library = await TemplateLibrary.load(dir);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cw-app-'));
  const store = SqliteStore.open(path.join(dataDir, 'app.db'));
  await seedTemplates(store, dir);
  const hub = new DocumentHub(store, unloadAfterMs === undefined ? { logger } : { logger, unloadAfterMs });
  const server = await listen(createApp({ hub, library, logger, ...appOptions }), 0, '127.0.0.1');
  const collab = attachCollab(server.server, hub, { logger });
  const url = `http://127.0.0.1:${server.port}`;
  return {
    ...server,
    url,
    wsUrl: `ws://127.0.0.1:${server.port}/collab`,
    library,
    store,
    hub,
    collab,
    close: async () => {
      await collab.close();
      await hub.close();
      await server.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
    get: (p) => fetch(url + p),
    post: (p, body) =>
      fetch(url + p, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}
