import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Auth } from '../src/auth/Auth.ts';
import { createUpgradeAuthenticator } from '../src/auth/authenticateUpgrade.ts';
import { claimUnowned } from '../src/auth/claimUnowned.ts';
import { ensureAdmin } from '../src/auth/ensureAdmin.ts';
import { LoginLimiter } from '../src/auth/LoginLimiter.ts';
import { type AttachedCollab, attachCollab } from '../src/collab/attachCollab.ts';
import { DocumentHub } from '../src/collab/DocumentHub.ts';
import { seedTemplates } from '../src/collab/seedTemplates.ts';
import { type AppOptions, createApp } from '../src/createApp.ts';
import { createLogger } from '../src/createLogger.ts';
import type { ApiRoute } from '../src/fill/ApiRoute.ts';
import type { CollabLimits } from '../src/limits/CollabLimits.ts';
import { listen, type RunningServer } from '../src/listen.ts';
import { type CollabMetrics, createCollabMetrics } from '../src/metrics/CollabMetrics.ts';
import { timeStore } from '../src/metrics/timeStore.ts';
import type { DocumentStore } from '../src/storage/DocumentStore.ts';
import { SqliteStore } from '../src/storage/index.ts';
import { TemplateLibrary } from '../src/TemplateLibrary.ts';

/** The admin account `startApp` creates (the first start's `admin`), with this password. */
export const ADMIN = { username: 'admin', password: 'admin-password-for-tests' } as const;

/** The repository's own templates folder. */
export const REPO_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

export interface TestServer extends RunningServer {
  library: TemplateLibrary;
  store: SqliteStore;
  hub: DocumentHub;
  collab: AttachedCollab;
  auth: Auth;
  /** What `GET /metrics` renders. */
  metrics: CollabMetrics;
  /** The app's route table, each route with who may call it. */
  routes: readonly ApiRoute[];
  /** `ws://127.0.0.1:<port>/collab`, the y-websocket server URL. */
  wsUrl: string;
  /** `Authorization: Bearer …` of an API token of the admin, which every helper below sends. */
  authorization: string;
  /** `fetch` relative to the server's URL, as the admin (unless `init.headers` sets `authorization` itself). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  get(path: string): Promise<Response>;
  post(path: string, body: unknown): Promise<Response>;
  /**
   * A new account (global role `user`) with a role on each template of `roles`, and an API token for it: requests
   * through the returned `fetch` act as that account.
   */
  userWith(
    username: string,
    roles?: Record<string, 'owner' | 'editor' | 'viewer'>,
    displayName?: string,
  ): Promise<{ id: string; authorization: string; fetch(path: string, init?: RequestInit): Promise<Response> }>;
}

/** What `startApp` may change from main.ts' assembly. */
export interface StartAppOptions extends Partial<Pick<AppOptions, 'clientDir' | 'bodyLimit' | 'trustProxy'>> {
  unloadAfterMs?: number;
  loginLimiter?: LoginLimiter;
  /** Collab limits over the defaults. */
  limits?: Partial<CollabLimits>;
  /** Wraps the (timed) store the hub uses, e.g. to slow loads down. */
  wrapStore?: (store: DocumentStore) => DocumentStore;
  /** How often open connections are authenticated again (main.ts: 30 s). */
  recheckIntervalMs?: number;
}

/**
 * The whole server as main.ts assembles it — templates from `dir` seeded into a SqliteStore in a fresh temp
 * folder, the `admin` account (password `ADMIN.password`) owning them, the hub, the API with auth on and the collab
 * websockets — on a free port, logging nothing. Its request helpers act as the admin. `close()` removes it all.
 */
export async function startApp(dir: string, options: StartAppOptions = {}): Promise<TestServer> {
  const { unloadAfterMs, loginLimiter, limits, wrapStore, recheckIntervalMs, ...appOptions } = options;
  const logger = createLogger('silent');
  const library = await TemplateLibrary.load(dir);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cw-app-'));
  const store = SqliteStore.open(path.join(dataDir, 'app.db'));
  await seedTemplates(store, dir);
  const auth = new Auth(store, { loginLimiter: loginLimiter ?? new LoginLimiter() });
  const adminId = await ensureAdmin(auth, logger, ADMIN.password);
  if (!adminId) throw new Error('no admin account');
  await claimUnowned(store, store, adminId);
  const bearer = async (userId: string) => `Bearer ${(await auth.createToken(userId, 'tests')).token}`;
  const authorization = await bearer(adminId);
  const metrics = createCollabMetrics();
  const timed = timeStore(store, metrics.storeAppendSeconds);
  const hubStore = wrapStore ? wrapStore(timed) : timed;
  const hub = new DocumentHub(hubStore, unloadAfterMs === undefined ? { logger } : { logger, unloadAfterMs });
  const app = createApp({ hub, library, logger, auth, metrics: metrics.registry, ...appOptions });
  const server = await listen(app, 0, '127.0.0.1');
  const collab = attachCollab(server.server, hub, {
    logger,
    limits,
    metrics,
    authenticate: createUpgradeAuthenticator(auth, store),
    accessEvents: auth.events,
    ...(appOptions.trustProxy === undefined ? {} : { trustProxy: appOptions.trustProxy }),
    ...(recheckIntervalMs === undefined ? {} : { recheckIntervalMs }),
  });
  const url = `http://127.0.0.1:${server.port}`;
  const fetchAs =
    (as: string) =>
    (p: string, init: RequestInit = {}): Promise<Response> => {
      const headers = new Headers(init.headers);
      if (!headers.has('authorization')) headers.set('authorization', as);
      return fetch(url + p, { ...init, headers });
    };
  const fetchAdmin = fetchAs(authorization);
  return {
    ...server,
    url,
    wsUrl: `ws://127.0.0.1:${server.port}/collab`,
    library,
    store,
    hub,
    collab,
    auth,
    metrics,
    routes: app.routes,
    authorization,
    close: async () => {
      await collab.close();
      await hub.close();
      await server.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
    fetch: fetchAdmin,
    get: (p) => fetchAdmin(p),
    post: (p, body) =>
      fetchAdmin(p, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    userWith: async (username, roles = {}, displayName = username) => {
      const password = `${username}-password`;
      const user = await auth.createUser({ username, displayName, password, admin: false });
      for (const [docId, role] of Object.entries(roles)) await store.setRole(docId, user.id, role);
      const as = await bearer(user.id);
      return { id: user.id, authorization: as, fetch: fetchAs(as) };
    },
  };
}
