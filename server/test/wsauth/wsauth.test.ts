import * as decoding from 'lib0/decoding';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as authProtocol from 'y-protocols/auth';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { REASON_ACCESS_REVOKED, REASON_LOGIN_ENDED, REASON_READ_ONLY } from '../../src/limits/closeCodes.ts';
import { connect, synced, waitFor } from '../collab/startCollab.ts';
import { type Ending, openRaw } from '../hostile/startHostileApp.ts';
import { typeIntoClause } from '../liveServer.ts';
import { REPO_TEMPLATES, startApp, type TestServer } from '../startApp.ts';

const DOC = 'software-services-agreement';
const OTHER = 'software-development-contract';

let server: TestServer;
let providers: WebsocketProvider[] = [];
let serial = 0;

beforeAll(async () => {
  server = await startApp(REPO_TEMPLATES);
});
afterEach(() => {
  for (const p of providers) p.destroy();
  providers = [];
});
afterAll(() => server.close());

/** A fresh account (unique name) with `role` on `docId`, or none. */
async function account(role: 'owner' | 'editor' | 'viewer' | null, docId = DOC, displayName?: string) {
  const username = `u${++serial}-${role ?? 'none'}`;
  const made = await server.userWith(username, role ? { [docId]: role } : {}, displayName ?? `Name ${username}`);
  return {
    ...made,
    username,
    displayName: displayName ?? `Name ${username}`,
    headers: { authorization: made.authorization },
  };
}

/** Logs `username` in; the `Cookie` header its browser would send. */
async function login(username: string): Promise<string> {
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: `${username}-password` }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

/** How an upgrade to `docId` with `headers` is answered: 101 for a websocket, else the refusal's status. */
async function upgradeStatus(docId: string, headers: Record<string, string>, query = ''): Promise<number> {
  const opened = await openRaw(`${server.wsUrl}/${docId}${query}`, headers);
  if ('refused' in opened) return opened.refused.status ?? 0;
  opened.ws.close();
  return 101;
}

/**
 * A y-websocket client with `headers`, synced, recording the permission-denied reasons it is sent and the roles it
 * is told (auth sub-type 1), each with when it arrived.
 */
async function join(headers: Record<string, string>, docId = DOC, name = 'url-name') {
  const doc = new Y.Doc();
  const provider = connect(server.wsUrl, docId, doc, name, headers);
  providers.push(provider);
  const denied: string[] = [];
  const roles: { role: string; at: number }[] = [];
  provider.messageHandlers[2] = (_encoder, decoder) => {
    if (decoding.peekVarUint(decoder) === 1) {
      decoding.readVarUint(decoder);
      roles.push({ role: decoding.readVarString(decoder), at: performance.now() });
      return;
    }
    authProtocol.readAuthMessage(decoder, doc, (_y, reason) => denied.push(reason));
  };
  await synced(provider);
  return { doc, provider, denied, roles };
}

/** Gives `username` `role` on `DOC` as the admin would through the sharing dialog. */
function setRole(username: string, role: string): Promise<Response> {
  return server.fetch(`/api/templates/${DOC}/members/${username}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role }),
  });
}

/** The draft as the server holds it (the admin's view), as text. */
async function draftText(docId = DOC): Promise<string> {
  const res = await server.get(`/api/templates/${docId}/model`);
  expect(res.status).toBe(200);
  return JSON.stringify(await res.json());
}

/** Resolves with how the provider's current socket is closed by the server, and when (ms since `since`). */
function closing(provider: WebsocketProvider): Promise<Ending & { at: number }> {
  const ws = provider.ws as unknown as {
    addEventListener(e: 'close', l: (ev: { code: number; reason: string }) => void): void;
  };
  return new Promise((resolve) =>
    ws.addEventListener('close', (event) => resolve({ code: event.code, reason: event.reason, at: performance.now() })),
  );
}

describe('websocket upgrade', () => {
  it('is decided by the account before any document is loaded: 401 / 403 / 404 / accepted', async () => {
    const owner = await account('owner');
    const editor = await account('editor');
    const viewer = await account('viewer');
    const stranger = await account(null);
    const cookie = await login(editor.username);
    const refusedBefore = server.metrics.upgradesRefused.get({ status: '401' });
    const cases: [string, Record<string, string>, number][] = [
      ['no credentials', {}, 401],
      ['an unknown token', { authorization: 'Bearer cw_not-a-token' }, 401],
      ['a malformed authorization header', { authorization: 'Basic YWRtaW46YWRtaW4=' }, 401],
      ['an unknown session cookie', { cookie: 'cw_session=nope' }, 401],
      ['an account with no role', stranger.headers, 403],
      ['a viewer', viewer.headers, 101],
      ['an editor', editor.headers, 101],
      ['an editor by session cookie', { cookie }, 101],
      ['an owner', owner.headers, 101],
      ['the admin', { authorization: server.authorization }, 101],
    ];
    for (const [who, headers, status] of cases) expect(await upgradeStatus(DOC, headers), who).toBe(status);
    expect(server.metrics.upgradesRefused.get({ status: '401' }) - refusedBefore).toBe(4);
    // A token in the URL is no credential.
    expect(await upgradeStatus(DOC, {}, `?token=${encodeURIComponent(server.authorization.slice(7))}`)).toBe(401);
  });

  it('answers 404 for a template that does not exist and creates nothing (403 to someone with no role on it)', async () => {
    const editor = await account('editor');
    expect(await upgradeStatus('no-such-template', { authorization: server.authorization })).toBe(404);
    expect(await upgradeStatus('no-such-template', editor.headers)).toBe(403);
    expect(await upgradeStatus('no-such-template', {})).toBe(401);
    expect(server.hub.loadedDocIds()).not.toContain('no-such-template');
    expect(await server.store.summary('no-such-template')).toBeNull();
    expect(server.metrics.upgradesRefused.get({ status: '404' })).toBeGreaterThanOrEqual(1);
  });

  it('names the connection after the account, ignoring ?name=', async () => {
    const editor = await account('editor', OTHER, '张律师');
    await join(editor.headers, OTHER, 'someone-else');
    const names = [...(server.hub.loaded(OTHER)?.sessions.keys() ?? [])].map((s) => s.name);
    expect(names).toContain('张律师');
    expect(names).not.toContain('someone-else');
  });
});

describe('writing', () => {
  it('by editors, owners and the admin lands; a viewer’s changes nothing, and the viewer is told why', async () => {
    const viewer = await join((await account('viewer')).headers);
    const droppedBefore = server.metrics.readOnlyDropped.get();
    typeIntoClause(viewer.doc, 'VIEWER-WROTE-THIS ');
    await waitFor(() => viewer.denied.length > 0);
    expect(viewer.denied[0]).toBe(REASON_READ_ONLY);
    expect(server.metrics.readOnlyDropped.get()).toBe(droppedBefore + 1);
    for (const role of ['editor', 'owner'] as const) {
      const writer = await join((await account(role)).headers);
      typeIntoClause(writer.doc, `${role.toUpperCase()}-WROTE-THIS `);
    }
    const admin = await join({ authorization: server.authorization });
    typeIntoClause(admin.doc, 'ADMIN-WROTE-THIS ');
    await waitFor(async () => {
      const text = await draftText();
      return ['EDITOR', 'OWNER', 'ADMIN'].every((w) => text.includes(`${w}-WROTE-THIS`));
    });
    // The viewer is still connected and receives the others' changes, but its own never reached anyone.
    await waitFor(() => viewer.doc.getXmlFragment('body').toString().includes('ADMIN-WROTE-THIS'));
    expect(viewer.provider.wsconnected).toBe(true);
    expect(await draftText()).not.toContain('VIEWER-WROTE-THIS');
    expect(admin.doc.getXmlFragment('body').toString()).not.toContain('VIEWER-WROTE-THIS');
    const stored = new Y.Doc();
    for (const u of await server.store.load(DOC)) Y.applyUpdate(stored, u);
    expect(stored.getXmlFragment('body').toString()).not.toContain('VIEWER-WROTE-THIS');
  });

  it('by a viewer still shows their cursor to others (awareness works)', async () => {
    const viewer = await join((await account('viewer')).headers);
    const editor = await join((await account('editor')).headers);
    viewer.provider.awareness.setLocalStateField('user', { name: 'viewer-cursor' });
    await waitFor(() =>
      [...editor.provider.awareness.getStates().values()].some(
        (s) => (s as { user?: { name?: string } }).user?.name === 'viewer-cursor',
      ),
    );
  });
});

describe('revocation', () => {
  it('closes a user’s open connections within 1 s of losing their role (1008 access revoked)', async () => {
    const editor = await account('editor');
    const { provider } = await join(editor.headers);
    const closed = closing(provider);
    const started = performance.now();
    const res = await server.fetch(`/api/templates/${DOC}/members/${editor.username}`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    const ending = await closed;
    const ms = ending.at - started;
    console.log(`revocation closed the connection in ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(1000);
    expect(ending).toMatchObject({ code: 1008, reason: REASON_ACCESS_REVOKED });
    expect(server.metrics.accessRevoked.get()).toBeGreaterThanOrEqual(1);
    // Its reconnection is refused.
    expect(await upgradeStatus(DOC, editor.headers)).toBe(403);
  });

  it('leaves the same user’s connections to other templates open', async () => {
    const username = `u${++serial}-two`;
    const made = await server.userWith(username, { [DOC]: 'editor', [OTHER]: 'editor' });
    const headers = { authorization: made.authorization };
    const here = await join(headers, DOC);
    const there = await join(headers, OTHER);
    const closed = closing(here.provider);
    await server.fetch(`/api/templates/${DOC}/members/${username}`, { method: 'DELETE' });
    expect((await closed).code).toBe(1008);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(there.provider.wsconnected).toBe(true);
  });

  it('switches a viewer to writable without reconnecting, and an editor to read-only', async () => {
    const user = await account('viewer');
    const client = await join(user.headers);
    const socket = client.provider.ws;
    const put = (role: string) => setRole(user.username, role);
    expect((await put('editor')).status).toBe(200);
    // The role is re-checked as the event fires; give it the same second the revocation gets.
    await new Promise((resolve) => setTimeout(resolve, 200));
    typeIntoClause(client.doc, 'PROMOTED-WRITES ');
    await waitFor(async () => (await draftText()).includes('PROMOTED-WRITES'));
    expect(client.provider.ws).toBe(socket);
    expect(client.denied).toEqual([]);

    expect((await put('viewer')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    typeIntoClause(client.doc, 'DEMOTED-WRITES ');
    await waitFor(() => client.denied.length > 0);
    expect(client.provider.ws).toBe(socket);
    expect(await draftText()).not.toContain('DEMOTED-WRITES');
  });

  it('tells the connection its role on connecting and at once on each change, viewer → editor → owner → viewer', async () => {
    const user = await account('viewer');
    const client = await join(user.headers);
    // Sent before sync step 1, so it has arrived by the time the client is synced.
    expect(client.roles.map((r) => r.role)).toEqual(['viewer']);
    const socket = client.provider.ws;
    const expected = ['viewer'];
    for (const role of ['editor', 'owner', 'viewer']) {
      const started = performance.now();
      expect((await setRole(user.username, role)).status).toBe(200);
      expected.push(role);
      await waitFor(() => client.roles.length === expected.length);
      const ms = (client.roles.at(-1)?.at ?? Number.POSITIVE_INFINITY) - started;
      console.log(`role ${role} reached the client in ${ms.toFixed(1)} ms`);
      expect(ms).toBeLessThan(1000);
    }
    expect(client.roles.map((r) => r.role)).toEqual(expected);
    expect(client.provider.ws).toBe(socket);
    // A re-check that finds the same role says nothing: setting 'viewer' again adds no message before 'editor'.
    expect((await setRole(user.username, 'viewer')).status).toBe(200);
    expect((await setRole(user.username, 'editor')).status).toBe(200);
    await waitFor(() => client.roles.at(-1)?.role === 'editor');
    expect(client.roles.map((r) => r.role)).toEqual([...expected, 'editor']);
  });

  it('a stock y-websocket client ignores the role messages without a word and stays synced', async () => {
    const user = await account('viewer');
    const errors = vi.spyOn(console, 'error');
    const warnings = vi.spyOn(console, 'warn');
    try {
      const doc = new Y.Doc();
      // Stock message handlers: nothing replaced.
      const provider = connect(server.wsUrl, DOC, doc, 'stock', user.headers);
      providers.push(provider);
      await synced(provider);
      expect((await setRole(user.username, 'editor')).status).toBe(200);
      typeIntoClause(doc, 'STOCK-CLIENT-PROMOTED ');
      await waitFor(async () => (await draftText()).includes('STOCK-CLIENT-PROMOTED'));
      expect(provider.wsconnected).toBe(true);
      expect(errors).not.toHaveBeenCalled();
      expect(warnings).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
      warnings.mockRestore();
    }
  });

  it('closes connections of a session that ended (password change, logout) but not those of other logins', async () => {
    const user = await account('editor');
    const mine = await login(user.username);
    const other = await login(user.username);
    const byOther = await join({ cookie: other });
    const byToken = await join(user.headers);
    const closed = closing(byOther.provider);
    const started = performance.now();
    const res = await fetch(`${server.url}/api/session/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: mine },
      body: JSON.stringify({ current: `${user.username}-password`, next: 'a-brand-new-password-1' }),
    });
    expect(res.status).toBe(204);
    const ending = await closed;
    expect(ending).toMatchObject({ code: 1008, reason: REASON_LOGIN_ENDED });
    expect(ending.at - started).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(byToken.provider.wsconnected).toBe(true);

    const byMine = await join({ cookie: mine });
    const loggedOut = closing(byMine.provider);
    await fetch(`${server.url}/api/session`, { method: 'DELETE', headers: { cookie: mine } });
    expect(await loggedOut).toMatchObject({ code: 1008, reason: REASON_LOGIN_ENDED });
  });
});

describe('GET /metrics', () => {
  it('is for admins only (a bearer token works) and counts connections and refusals', async () => {
    const editor = await account('editor');
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await editor.fetch('/metrics')).status).toBe(403);
    await join(editor.headers);
    await upgradeStatus(DOC, {});
    const res = await server.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/^clausewright_collab_connections [1-9]\d*$/m);
    expect(text).toMatch(/^clausewright_upgrades_refused_total\{status="401"\} [1-9]\d*$/m);
    expect(text).toContain('clausewright_readonly_updates_dropped_total');
    expect(text).toContain('clausewright_store_append_seconds_bucket');
  });
});

describe('changes made by another process (cw user password, cw token revoke)', () => {
  let quick: TestServer;
  beforeAll(async () => {
    quick = await startApp(REPO_TEMPLATES, { recheckIntervalMs: 100 });
  });
  afterAll(() => quick.close());

  it('are caught by the periodic re-check: the store changed behind the server’s back closes the connections', async () => {
    const made = await quick.userWith('cli-victim', { [DOC]: 'editor' });
    const res = await fetch(`${quick.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'cli-victim', password: 'cli-victim-password' }),
    });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const docs = [new Y.Doc(), new Y.Doc()];
    const byCookie = connect(quick.wsUrl, DOC, docs[0] as Y.Doc, 'x', { cookie });
    const byToken = connect(quick.wsUrl, DOC, docs[1] as Y.Doc, 'x', { authorization: made.authorization });
    providers.push(byCookie, byToken);
    await Promise.all([synced(byCookie), synced(byToken)]);

    // What `cw user password` does: its own process, so no event reaches the server.
    const cookieClosed = closing(byCookie);
    await quick.store.deleteSessionsOf(made.id);
    expect(await cookieClosed).toMatchObject({ code: 1008, reason: REASON_LOGIN_ENDED });

    // What `cw token revoke` does.
    const tokenClosed = closing(byToken);
    const [token] = await quick.store.listTokens(made.id);
    expect(await quick.store.revokeToken(token?.id as string)).toBe(true);
    expect(await tokenClosed).toMatchObject({ code: 1008, reason: REASON_LOGIN_ENDED });
  });
});
