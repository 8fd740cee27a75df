import { eachBodyClause, type Template } from '@clausewright/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, REPO_TEMPLATES, startApp, type TestServer } from '../startApp.ts';

/**
 * Every HTTP route × no session / no role / a role below the one it needs / exactly the role it needs / admin. The
 * table below names who each route needs, independently of the route table; a route added without an entry here (or
 * declared with another access than the table says) fails the first test.
 */

const T = 'wechat-miniprogram-service';
type Need = 'public' | 'user' | 'admin' | 'viewer' | 'editor' | 'owner';
type Who = 'none' | 'stranger' | 'viewer' | 'editor' | 'owner' | 'admin';

interface Sample {
  need: Need;
  /** The request, made afresh for each caller (fixtures such as a values set to delete are created here). */
  request(who: Who): Promise<{ path: string; body?: unknown }>;
}

let server: TestServer;
let clauseId: string;
let documentId: string;
let usernames = 0;
const callers = new Map<Who, { fetch(path: string, init?: RequestInit): Promise<Response>; password: string }>();
/** Requests as `who` (not `none`). */
function as(who: Who) {
  const caller = callers.get(who);
  if (!caller) throw new Error(`no caller ${who}`);
  return caller;
}

const admin = (path: string, init: RequestInit = {}) => server.fetch(path, init);
const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

async function newValuesSet(): Promise<string> {
  const res = await admin(`/api/templates/${T}/values`, json('POST', { name: 'matrix', values: {} }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** An account for sharing requests to act on (never one of the callers, whose roles must not change). */
async function newTarget(role?: 'viewer'): Promise<string> {
  const username = `target-${usernames++}`;
  await server.userWith(username, role ? { [T]: role } : {});
  return username;
}

const tpl = (rest = '') => `/api/templates/${T}${rest}`;
const get = (path: string) => async () => ({ path });

/** Keyed by `METHOD path-regex`, as the route table declares routes. */
const SAMPLES: Record<string, Sample & { method: string }> = {};
function sample(method: string, pattern: RegExp, need: Need, request: Sample['request']): void {
  SAMPLES[`${method} ${pattern.source}`] = { method, need, request };
}

const ID = '([^/]+)';
const N = '(\\d{1,15})';
const route = (rest: string) => new RegExp(`^\\/api\\/templates\\/${ID}${rest}$`);

sample('GET', /^\/healthz$/, 'public', get('/healthz'));
sample('GET', /^\/metrics$/, 'admin', get('/metrics'));
sample('GET', /^\/api\/templates$/, 'user', get('/api/templates'));
sample('POST', /^\/api\/templates$/, 'user', async () => ({ path: '/api/templates', body: { title: 'Matrix' } }));
sample('GET', route(''), 'viewer', get(tpl()));
sample('GET', route('\\/model'), 'viewer', get(tpl('/model')));
sample('GET', route('\\/export'), 'viewer', get(tpl('/export')));
sample('POST', route('\\/versions'), 'editor', async () => ({ path: tpl('/versions'), body: { message: 'matrix' } }));
sample('GET', route('\\/versions'), 'viewer', get(tpl('/versions')));
sample('GET', route(`\\/versions\\/${N}\\/export`), 'viewer', get(tpl('/versions/1/export')));
sample('GET', route(`\\/versions\\/${N}\\/model`), 'viewer', get(tpl('/versions/1/model')));
sample('POST', route(`\\/versions\\/${N}\\/restore`), 'editor', async () => ({ path: tpl('/versions/1/restore') }));
sample('POST', route(`\\/clauses\\/${ID}\\/restore`), 'editor', async () => ({
  path: tpl(`/clauses/${clauseId}/restore`),
  body: { version: 1 },
}));
sample('GET', route(`\\/clauses\\/${ID}\\/history`), 'viewer', async () => ({
  path: tpl(`/clauses/${clauseId}/history`),
}));
sample('GET', route('\\/diff'), 'viewer', get(tpl('/diff?from=1&to=draft')));
sample('GET', route('\\/sample-values'), 'viewer', get(tpl('/sample-values')));
sample('POST', route('\\/render'), 'viewer', async () => ({
  path: tpl('/render'),
  body: { format: 'txt', strict: false, values: {} },
}));
sample('POST', route('\\/check'), 'viewer', async () => ({ path: tpl('/check'), body: { values: {} } }));
sample('GET', /^\/api\/documents$/, 'user', get('/api/documents'));
sample('GET', /^\/api\/documents\/([^/]+)$/, 'viewer', async () => ({ path: `/api/documents/${documentId}` }));
sample('GET', /^\/api\/documents\/([^/]+)\/download$/, 'viewer', async () => ({
  path: `/api/documents/${documentId}/download`,
}));
sample('GET', route('\\/values'), 'viewer', get(tpl('/values')));
sample('POST', route('\\/values'), 'viewer', async () => ({
  path: tpl('/values'),
  body: { name: 'mine', values: {} },
}));
sample('GET', route(`\\/values\\/${ID}`), 'viewer', async () => ({ path: tpl(`/values/${await newValuesSet()}`) }));
sample('PUT', route(`\\/values\\/${ID}`), 'viewer', async () => ({
  path: tpl(`/values/${await newValuesSet()}`),
  body: { name: 'renamed' },
}));
sample('DELETE', route(`\\/values\\/${ID}`), 'viewer', async () => ({ path: tpl(`/values/${await newValuesSet()}`) }));
sample('GET', /^\/api\/formats$/, 'user', get('/api/formats'));
sample('GET', /^\/api\/preview\.css$/, 'public', get('/api/preview.css'));
sample('POST', /^\/api\/session$/, 'public', async () => ({
  path: '/api/session',
  body: { username: 'admin', password: ADMIN.password },
}));
sample('GET', /^\/api\/session$/, 'user', get('/api/session'));
sample('DELETE', /^\/api\/session$/, 'public', get('/api/session'));
sample('POST', /^\/api\/session\/password$/, 'user', async (who) => {
  const password = who === 'none' ? 'not-logged-in' : as(who).password;
  return { path: '/api/session/password', body: { current: password, next: password } };
});
sample('GET', /^\/api\/users$/, 'user', get('/api/users'));
sample('POST', /^\/api\/users$/, 'admin', async () => ({
  path: '/api/users',
  body: { username: `made-${usernames++}`, password: 'long-enough' },
}));
sample('GET', route('\\/members'), 'viewer', get(tpl('/members')));
sample('PUT', route(`\\/members\\/${ID}`), 'owner', async () => ({
  path: tpl(`/members/${await newTarget()}`),
  body: { role: 'viewer' },
}));
sample('DELETE', route(`\\/members\\/${ID}`), 'owner', async () => ({
  path: tpl(`/members/${await newTarget('viewer')}`),
}));

const ORDER: Need[] = ['viewer', 'editor', 'owner'];

/** Whether `who` may call a route that needs `need`. */
function allowed(need: Need, who: Who): boolean {
  if (need === 'public') return true;
  if (who === 'none') return false;
  if (need === 'user' || who === 'admin') return true;
  if (need === 'admin' || who === 'stranger') return false;
  return ORDER.indexOf(who) >= ORDER.indexOf(need);
}

function declared(access: unknown): Need {
  return typeof access === 'string' ? (access as Need) : (access as { role: Need }).role;
}

beforeAll(async () => {
  server = await startApp(REPO_TEMPLATES);
  callers.set('admin', { fetch: admin, password: ADMIN.password });
  for (const who of ['stranger', 'viewer', 'editor', 'owner'] as const) {
    const roles: Record<string, 'viewer' | 'editor' | 'owner'> = who === 'stranger' ? {} : { [T]: who };
    const as = await server.userWith(`matrix-${who}`, roles);
    callers.set(who, { fetch: as.fetch, password: `matrix-${who}-password` });
  }
  const model = (await (await admin(tpl('/model'))).json()) as Template;
  clauseId = [...eachBodyClause(model.body)][0]?.id as string;
  expect(clauseId).toEqual(expect.any(String));
  expect((await admin(tpl('/versions'), json('POST', { message: 'v1' }))).status).toBe(201);
  const issued = await admin(tpl('/render'), json('POST', { format: 'txt', strict: false, values: {} }));
  expect(issued.status).toBe(200);
  const strict = await admin(
    tpl('/render'),
    json('POST', { format: 'txt', values: (await (await admin(tpl('/sample-values'))).json()) as object }),
  );
  expect(strict.status).toBe(200);
  documentId = strict.headers.get('x-document-id') as string;
});

afterAll(() => server?.close());

describe('auth matrix', () => {
  it('has a sample for every route, and every route declares the access the table says', () => {
    const routes = server.routes.map((r) => `${r.method} ${r.path.source}`);
    expect(new Set(routes).size).toBe(routes.length);
    expect([...routes].sort()).toEqual(Object.keys(SAMPLES).sort());
    for (const r of server.routes) {
      expect(declared(r.access), `${r.method} ${r.path.source}`).toBe(SAMPLES[`${r.method} ${r.path.source}`]?.need);
    }
  });

  const WHO: Who[] = ['none', 'stranger', 'viewer', 'editor', 'owner', 'admin'];
  it.each(Object.entries(SAMPLES))('%s', async (_key, s) => {
    const seen: string[] = [];
    for (const who of WHO) {
      const { path, body } = await s.request(who);
      const init: RequestInit = body === undefined ? { method: s.method } : json(s.method, body);
      const res = who === 'none' ? await fetch(server.url + path, init) : await as(who).fetch(path, init);
      const text = await res.text();
      seen.push(`${who} ${res.status}`);
      if (allowed(s.need, who)) {
        expect(res.status, `${who}: ${text.slice(0, 200)}`).toBeLessThan(400);
      } else {
        expect(res.status, `${who}: ${text.slice(0, 200)}`).toBe(who === 'none' ? 401 : 403);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect(JSON.parse(text)).toEqual({ error: expect.any(String) });
      }
    }
    expect(seen).toHaveLength(WHO.length);
  });

  it('lists only the templates, and the documents of templates, a caller has a role on', async () => {
    const list = async (fetcher: (path: string) => Promise<Response>, path: string) =>
      (await (await fetcher(path)).json()) as { id?: string; title?: string; templateId?: string }[];
    const nobody = await server.userWith('matrix-nobody');
    expect(await list(nobody.fetch, '/api/templates')).toEqual([]);
    expect(await list(nobody.fetch, '/api/documents')).toEqual([]);
    const everything = await list(admin, '/api/templates');
    for (const seed of ['wechat-miniprogram-service', 'software-services-agreement', 'software-development-contract']) {
      expect(everything.map((t) => t.id)).toContain(seed);
    }
    // The viewer sees T and the templates it made through the matrix, nothing else.
    const viewers = await list(as('viewer').fetch, '/api/templates');
    expect(viewers.map((t) => t.id)).toContain(T);
    expect(viewers.filter((t) => t.id !== T).every((t) => t.title === 'Matrix')).toBe(true);
    expect((await list(as('viewer').fetch, '/api/documents')).map((d) => d.templateId)).toContain(T);
  });

  it('makes whoever creates a template its owner', async () => {
    const stranger = as('stranger');
    const res = await stranger.fetch('/api/templates', json('POST', { title: 'Stranger made this' }));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const members = (await (await admin(`/api/templates/${id}/members`)).json()) as {
      username: string;
      role: string;
    }[];
    expect(members).toEqual([{ username: 'matrix-stranger', displayName: 'matrix-stranger', role: 'owner' }]);
    expect((await stranger.fetch(`/api/templates/${id}/versions`, json('POST', { message: 'mine' }))).status).toBe(201);
  });

  it('keeps a template owned: its only owner cannot be demoted or removed', async () => {
    const stranger = as('stranger');
    const { id } = (await (await stranger.fetch('/api/templates', json('POST', { title: 'Sole owner' }))).json()) as {
      id: string;
    };
    const demote = await stranger.fetch(
      `/api/templates/${id}/members/matrix-stranger`,
      json('PUT', { role: 'viewer' }),
    );
    expect(demote.status).toBe(409);
    expect((await stranger.fetch(`/api/templates/${id}/members/matrix-stranger`, { method: 'DELETE' })).status).toBe(
      409,
    );
    expect((await admin(`/api/templates/${id}/members/nobody-here`, json('PUT', { role: 'viewer' }))).status).toBe(404);
    expect((await admin(`/api/templates/${id}/members/matrix-viewer`, json('PUT', { role: 'boss' }))).status).toBe(400);
  });
});
