import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { diffTemplates } from '@clausewright/diff';
import { serializeTemplate } from '@clausewright/markdown';
import { eachBodyClause, resolveTemplate, type Template } from '@clausewright/model';
import { HTML_STYLE } from '@clausewright/render';
import type { Auth, Caller } from './auth/Auth.ts';
import { authRoutes } from './auth/authRoutes.ts';
import { roleAllows } from './auth/roles.ts';
import type { DocumentHub } from './collab/DocumentHub.ts';
import { storeNewTemplate } from './collab/storeNewTemplate.ts';
import type { Logger } from './createLogger.ts';
import { type ApiRoute, callerOf } from './fill/ApiRoute.ts';
import { fillRoutes } from './fill/fillRoutes.ts';
import { HttpError } from './HttpError.ts';
import { clauseHistory } from './history/clauseHistory.ts';
import { MetricsRegistry } from './metrics/MetricsRegistry.ts';
import { metricsHandler } from './metrics/metricsHandler.ts';
import { newTemplate, slugOrUuid, withId } from './newTemplate.ts';
import { parseCheckRequest } from './parseRenderRequest.ts';
import { readDraft, templateOfState } from './readDraft.ts';
import { BODY_LIMIT, readJsonBody } from './readJsonBody.ts';
import { RENDER_FORMATS } from './renderFile.ts';
import { parseRestoreClauseRequest } from './restore/parseRestoreClauseRequest.ts';
import { restoreClause, restoreVersion } from './restore/restore.ts';
import { serveClient } from './serveClient.ts';
import type { TemplateLibrary } from './TemplateLibrary.ts';
import { parseDiffQuery } from './versions/parseDiffQuery.ts';
import { parsePublishRequest } from './versions/parsePublishRequest.ts';
import { publishVersion } from './versions/publishVersion.ts';

/** What the HTTP API serves. */
export interface AppOptions {
  /** The co-editing engine: its store holds the drafts, its loaded documents are the live ones. */
  hub: DocumentHub;
  /** The templates folder, for each template's `sample.values.json`. */
  library: TemplateLibrary;
  logger: Logger;
  /** The built client (`client/dist`), served for every GET outside `/api`; omitted, such GETs are 404. */
  clientDir?: string;
  /** Largest request body accepted, in bytes; 1 MB by default. */
  bodyLimit?: number;
  /** Accounts and roles. Without it nobody is logged in: every route but the public ones answers 401. */
  auth?: Auth;
  /** What `GET /metrics` (admins only; an admin's API token for Prometheus) renders; an empty registry by default. */
  metrics?: MetricsRegistry;
  /**
   * How many proxies stand in front of the server (`CLAUSEWRIGHT_TRUST_PROXY`): login throttling keys by the client
   * address read from `X-Forwarded-For` behind that many hops. 0 uses the socket's address. @default 0
   */
  trustProxy?: number;
}

/** The request listener, with its route table (for the auth matrix test, which checks every route is guarded). */
export type App = RequestListener & { readonly routes: readonly ApiRoute[] };

/** One row of `GET /api/templates`. */
export interface TemplateListItem {
  id: string;
  title: string;
  locale: string;
  numbering: string;
  /** ISO 8601. */
  updatedAt: string;
}

// Generated ids that clash get a numeric suffix; past this many tries something else is wrong.
const MAX_ID_TRIES = 100;

/**
 * The HTTP API and the built client as one request listener, separate from `listen` so tests can bind port 0.
 * Every failure is answered as JSON `{ error, problems? }`; nothing a client sends can crash the process. Each
 * request is logged at info with method, path, status and ms.
 */
export function createApp(options: AppOptions): App {
  const { hub, library, logger, auth } = options;
  const store = hub.store;
  const bodyLimit = options.bodyLimit ?? BODY_LIMIT;
  const client = options.clientDir ? serveClient(options.clientDir) : null;
  const serveMetrics = metricsHandler(options.metrics ?? new MetricsRegistry());

  const listItem = async (id: string, template: Template): Promise<TemplateListItem & { updatedAt: string }> => {
    const summary = await store.summary(id);
    const { title, locale, numbering } = template.meta;
    return { id, title, locale, numbering, updatedAt: new Date(summary?.updatedAt ?? Date.now()).toISOString() };
  };

  // Whoever creates a template owns it.
  const own = (docId: string, caller: Caller) => auth?.accounts.setRole(docId, caller.user.id, 'owner');

  const create = async (req: IncomingMessage, res: ServerResponse, _params: string[], who: Caller | null) => {
    const caller = callerOf(who);
    const { template, explicitId } = newTemplate(await readJsonBody(req, bodyLimit));
    const base = template.meta.id;
    for (let n = 1; n <= MAX_ID_TRIES; n++) {
      const candidate = n === 1 ? template : withId(template, `${base}-${n}`);
      if (await storeNewTemplate(store, candidate)) {
        await own(candidate.meta.id, caller);
        logger.info({ docId: candidate.meta.id }, 'template created');
        res.setHeader('location', `/api/templates/${candidate.meta.id}`);
        return sendJson(res, 201, await listItem(candidate.meta.id, candidate));
      }
      if (explicitId) throw new HttpError(409, `a template with id "${base}" already exists`);
    }
    // Only reachable when a title's slug and its first hundred suffixes are all taken.
    const fallback = withId(template, slugOrUuid(''));
    if (!(await storeNewTemplate(store, fallback))) throw new Error('a fresh UUID was taken');
    await own(fallback.meta.id, caller);
    return sendJson(res, 201, await listItem(fallback.meta.id, fallback));
  };

  const storedVersion = async (id: string, n: string) => {
    const version = await store.getVersion(id, Number(n));
    if (!version) {
      if (!(await store.summary(id))) throw new HttpError(404, `no template "${id}"`);
      throw new HttpError(404, `template "${id}" has no version ${n}`);
    }
    return version;
  };

  // One side of a diff: a stored version by number, or the live draft.
  const templateAt = async (id: string, side: string): Promise<Template> => {
    if (side === 'draft') return readDraft(hub, id);
    const version = await storedVersion(id, side);
    return templateOfState(id, version.state);
  };

  const viewer = { role: 'viewer' } as const;
  const editor = { role: 'editor' } as const;

  const routes: ApiRoute[] = [
    { method: 'GET', path: /^\/healthz$/, access: 'public', handle: (_req, res) => sendJson(res, 200, { ok: true }) },
    // Connection counts and refusals say who is using the server and how: admins only.
    { method: 'GET', path: /^\/metrics$/, access: 'admin', handle: (req, res) => serveMetrics(req, res) },
    {
      method: 'GET',
      path: /^\/api\/templates$/,
      access: 'user',
      handle: async (_req, res, _params, caller) => {
        // Only the templates the caller has a role on (an admin sees them all).
        const visible = auth ? await auth.visibleTemplates(callerOf(caller).user) : new Set<string>();
        const rows = (await store.summaries()).filter((s) => s.title !== null && (!visible || visible.has(s.docId)));
        rows.sort((a, b) => b.updatedAt - a.updatedAt || a.docId.localeCompare(b.docId));
        const list: TemplateListItem[] = rows.map((s) => ({
          id: s.docId,
          title: s.title ?? s.docId,
          locale: s.locale ?? '',
          numbering: s.numbering ?? '',
          updatedAt: new Date(s.updatedAt).toISOString(),
        }));
        sendJson(res, 200, list);
      },
    },
    { method: 'POST', path: /^\/api\/templates$/, access: 'user', handle: create },
    {
      method: 'GET',
      path: /^\/api\/templates\/([^/]+)$/,
      access: viewer,
      handle: async (_req, res, [id], caller) => {
        const template = await readDraft(hub, id as string);
        let clauses = 0;
        for (const _ of eachBodyClause(template.body)) clauses++;
        const fields = Object.keys(template.fields).length;
        // The caller's role, so the client can offer only what it may do (read-only for viewers).
        const role = auth ? await auth.roleOn(callerOf(caller).user, id as string) : null;
        sendJson(res, 200, { ...(await listItem(id as string, template)), clauses, fields, role });
      },
    },
    {
      method: 'GET',
      path: /^\/api\/templates\/([^/]+)\/model$/,
      access: viewer,
      handle: async (_req, res, [id]) => {
        const { meta, fields, body } = await readDraft(hub, id as string);
        sendJson(res, 200, { meta, fields, body });
      },
    },
    {
      method: 'GET',
      path: /^\/api\/templates\/([^/]+)\/export$/,
      access: viewer,
      handle: async (_req, res, [id]) => {
        const text = serializeTemplate(await readDraft(hub, id as string));
        const body = Buffer.from(text, 'utf8');
        res.writeHead(200, {
          'content-type': 'text/markdown; charset=utf-8',
          'content-length': body.byteLength,
          'content-disposition': `inline; filename="${encodeURIComponent(`${id}.md`)}"`,
          'x-content-type-options': 'nosniff',
        });
        res.end(body);
      },
    },
    {
      method: 'POST',
      path: /^\/api\/templates\/([^/]+)\/versions$/,
      access: editor,
      handle: async (req, res, [id], caller) => {
        // The author is the logged-in account, whatever the body says.
        const request = {
          ...parsePublishRequest(await readJsonBody(req, bodyLimit)),
          author: callerOf(caller).user.displayName,
        };
        const version = await publishVersion(hub, id as string, request);
        logger.info({ docId: id, version: version.version }, 'version published');
        res.setHeader('location', `/api/templates/${id}/versions/${version.version}`);
        sendJson(res, 201, { ...version, createdAt: new Date(version.createdAt).toISOString() });
      },
    },
    {
      method: 'GET',
      path: /^\/api\/templates\/([^/]+)\/versions$/,
      access: viewer,
      handle: async (_req, res, [id]) => {
        const versions = await store.listVersions(id as string);
        if (versions.length === 0 && !(await store.summary(id as string))) {
          throw new HttpError(404, `no template "${id}"`);
        }
        sendJson(
          res,
          200,
          versions.map((v) => ({ ...v, createdAt: new Date(v.createdAt).toISOString() })),
        );
      },
    },
    {
      method: 'GET',
      path: /^\/api\/templates\/([^/]+)\/versions\/(\d{1,15})\/export$/,
      access: viewer,
      handle: async (_req, res, [id, n]) => {
        const version = await storedVersion(id as string, n as string);
        const body = Buffer.from(version.markdown, 'utf8');
        res.writeHead(200, {
          'content-type': 'text/markdown; charset=utf-8',
          'content-length': body.byteLength,
          'content-disposition': `inline; filename="${encodeURIComponent(`${id}.v${version.version}.md`)}"`,
          etag: `"sha256-${version.hash}"`,
          'x-content-type-options': 'nosniff',
        });
        res.end(body);
      },
    },
    {
      method: 'GET',
      path: /^\/api\/templates\/([^/]+)\/versions\/(\d{1,15})\/model$/,
      access: viewer,
      handle: async (_req, res, [id, n]) => {
        const version = await storedVersion(id as string, n as string);
        const { meta, fields, body } = templateOfState(id as string, version.state);
        sendJson(res, 200, { meta, fields, body });
      },
    },
    {
      method: 'POST',
      path: /^\/api\/templates\/([^/]+)\/versions\/(\d{1,15})\/restore$/,
      access: editor,
      handle: async (_req, res, [id, n]) => {
        const version = await storedVersion(id as string, n as string);
        await restoreVersion(hub, id as string, version.state);
        logger.info({ docId: id, version: version.version }, 'version restored');
        sendJson(res, 200, { restored: 'version', version: version.version });
      },
    },
    {
      method: 'POST',
      path: /^\/api\/templates\/([^/]+)\/clauses\/([^/]+)\/restore$/,
      access: editor,
      handle: async (req, res, [id, clauseId]) => {
        const request = parseRestoreClauseRequest(await readJsonBody(req, bodyLimit));
        const version = await storedVersion(id as string, String(request.version));
        await restoreClause(hub, id as string, version.state, clauseId as string, version.version);
        logger.info({ docId: id, version: version.version, clauseId }, 'clause restored');
        sendJson(res, 200, { restored: 'clause', version: version.version, clauseId });
      },
    },
    {
      method: 'GET',
      path: /^\/api\/templates\/([^/]+)\/clauses\/([^/]+)\/history$/,
      access: viewer,
      handle: async (_req, res, [id, clauseId]) =>
        sendJson(res, 200, await clauseHistory(hub, id as string, clauseId as string)),
    },
    {
      method: 'GET',
      path: /^\/api\/templates\/([^/]+)\/diff$/,
      access: viewer,
      handle: async (req, res, [id]) => {
        const { from, to } = parseDiffQuery(req.url ?? '');
        const [before, after] = await Promise.all([templateAt(id as string, from), templateAt(id as string, to)]);
        sendJson(res, 200, diffTemplates(before, after));
      },
    },
    {
      method: 'GET',
      path: /^\/api\/templates\/([^/]+)\/sample-values$/,
      access: viewer,
      handle: (_req, res, [id]) => {
        const sample = library.get(id as string)?.sample;
        if (!sample) throw new HttpError(404, `template "${id}" has no sample values`);
        if (sample.error) throw new HttpError(422, 'the sample values cannot be read', { problems: [sample.error] });
        sendJson(res, 200, sample.values);
      },
    },
    // Render (preview or issue), the documents log, values sets.
    ...fillRoutes({ hub, logger, bodyLimit, auth }),
    // Sessions, passwords, the account picker and template members.
    ...(auth ? authRoutes({ auth, store, bodyLimit, trustProxy: options.trustProxy ?? 0 }) : []),
    {
      method: 'POST',
      path: /^\/api\/templates\/([^/]+)\/check$/,
      access: viewer,
      handle: async (req, res, [id]) => {
        const { values } = parseCheckRequest(await readJsonBody(req, bodyLimit));
        const { problems } = resolveTemplate(await readDraft(hub, id as string), values ?? {}, { mode: 'strict' });
        sendJson(res, 200, { problems });
      },
    },
    {
      method: 'GET',
      path: /^\/api\/formats$/,
      access: 'user',
      handle: (_req, res) => sendJson(res, 200, { formats: RENDER_FORMATS }),
    },
    {
      method: 'GET',
      path: /^\/api\/preview\.css$/,
      access: 'public',
      handle: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'x-content-type-options': 'nosniff' });
        res.end(HTML_STYLE);
      },
    },
  ];

  const dispatch = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const matching = routes.filter((r) => r.path.test(pathname));
    if (matching.length === 0) {
      // Outside the API, a GET is the client app (a file of it, or index.html for its routes).
      const api = pathname === '/api' || pathname.startsWith('/api/') || pathname.startsWith('/collab/');
      if (!api && method === 'GET' && client) return client(req, res, pathname);
      throw new HttpError(404, `no route ${pathname}`);
    }
    const route = matching.find((r) => r.method === method);
    if (!route) {
      const allow = matching.map((r) => r.method).join(', ');
      throw new HttpError(405, `${req.method} is not allowed on ${pathname}`, { headers: { allow } });
    }
    const params = (route.path.exec(pathname) ?? []).slice(1).map(decodeParam);
    const caller = auth ? await auth.authenticate(req) : null;
    if (route.access !== 'public') {
      if (!caller) throw new HttpError(401, 'log in first', { headers: { 'www-authenticate': 'Bearer' } });
      if (route.access === 'admin' && !caller.user.admin) throw new HttpError(403, 'only an admin can do this');
      if (typeof route.access === 'object') await checkRole(caller, route.access, params);
    }
    await route.handle(req, res, params, caller);
  };

  const checkRole = async (caller: Caller, access: Exclude<ApiRoute['access'], string>, params: string[]) => {
    const docId = access.template ? await access.template(params) : (params[0] as string);
    const role = auth ? await auth.roleOn(caller.user, docId) : null;
    if (!role) throw new HttpError(403, `you have no role on template "${docId}"`);
    if (!roleAllows(role, access.role)) {
      throw new HttpError(403, `a ${role} of template "${docId}" cannot do this (it needs ${access.role})`);
    }
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    res.once('finish', () => {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      logger.info({ method: req.method, path: pathname, status: res.statusCode, ms }, 'request');
    });
    dispatch(req, res, pathname).catch((e: unknown) => {
      if (res.headersSent) {
        logger.error({ err: e, method: req.method, path: pathname }, 'request failed after its headers were sent');
        res.destroy();
        return;
      }
      if (e instanceof HttpError) {
        res.setHeader('x-content-type-options', 'nosniff');
        for (const [name, value] of Object.entries(e.headers)) res.setHeader(name, value);
        sendJson(res, e.status, e.problems ? { error: e.message, problems: e.problems } : { error: e.message });
        return;
      }
      logger.error({ err: e, method: req.method, path: pathname }, 'request failed');
      sendJson(res, 500, { error: 'internal server error' });
    });
  };
  return Object.assign(listener, { routes });
}

function sendJson(res: ServerResponse, status: number, data: unknown): void {
  const body = Buffer.from(JSON.stringify(data), 'utf8');
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.byteLength });
  res.end(body);
}

function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, `malformed URL segment "${raw}"`);
  }
}
