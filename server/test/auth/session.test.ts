import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateUpgrade, createUpgradeAuthenticator } from '../../src/auth/index.ts';
import { LoginLimiter } from '../../src/auth/LoginLimiter.ts';
import { ADMIN, REPO_TEMPLATES, startApp, type TestServer } from '../startApp.ts';

const T = 'software-services-agreement';
let server: TestServer;

beforeAll(async () => {
  server = await startApp(REPO_TEMPLATES, { loginLimiter: new LoginLimiter(3, 60_000) });
});
afterAll(() => server?.close());

const anonymous = (path: string, init: RequestInit = {}) => fetch(server.url + path, init);
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  anonymous(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0] as string;

async function logIn(username: string, password: string, headers: Record<string, string> = {}) {
  const res = await post('/api/session', { username, password }, headers);
  expect(res.status, await res.clone().text()).toBe(200);
  return { res, cookie: cookieOf(res) };
}

/** A request as Node's http server would hand it to the upgrade handler. */
const upgrade = (headers: Record<string, string>) => ({ headers, url: '/collab/x' }) as unknown as IncomingMessage;

describe('sessions', () => {
  it('logs in with a 256-bit HTTP-only SameSite cookie (Secure behind https), answers who is logged in, and logs out', async () => {
    const { res, cookie } = await logIn('admin', ADMIN.password);
    expect(await res.json()).toEqual({ username: 'admin', displayName: 'Admin', admin: true });
    const flags = res.headers.get('set-cookie') ?? '';
    expect(flags).toMatch(/^cw_session=[A-Za-z0-9_-]{43}; /);
    expect(flags).toMatch(/; HttpOnly/);
    expect(flags).toMatch(/; SameSite=Lax/);
    expect(flags).toMatch(/; Path=\//);
    expect(flags).not.toMatch(/Secure/);
    const behindHttps = await logIn('admin', ADMIN.password, { 'x-forwarded-proto': 'https' });
    expect(behindHttps.res.headers.get('set-cookie')).toMatch(/; Secure/);

    expect((await anonymous('/api/session', { headers: { cookie } })).status).toBe(200);
    expect(await (await anonymous('/api/templates', { headers: { cookie } })).json()).not.toEqual([]);
    const out = await anonymous('/api/session', { method: 'DELETE', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^cw_session=; .*Max-Age=0/);
    const after = await anonymous('/api/session', { headers: { cookie } });
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({ error: 'log in first' });
  });

  it('never stores the session secret: the store keeps only its hash', async () => {
    const { cookie } = await logIn('admin', ADMIN.password);
    const secret = cookie.split('=')[1] as string;
    expect(await server.store.getSession(secret)).toBeNull();
  });

  it('refuses a wrong password or an unknown user with the same 401, and a malformed body with a 400', async () => {
    const wrong = await post('/api/session', { username: 'admin', password: 'nope' });
    const unknown = await post('/api/session', { username: 'nobody', password: 'nope' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect((await post('/api/session', { username: 'admin' })).status).toBe(400);
    expect((await post('/api/session', 'not json')).status).toBe(400);
    expect((await anonymous('/api/session', { headers: { cookie: 'cw_session=forged' } })).status).toBe(401);
  });

  it('rate-limits failed logins per username and address with a 429 and retry-after; others still log in', async () => {
    await server.userWith('limited');
    for (let i = 0; i < 3; i++)
      expect((await post('/api/session', { username: 'limited', password: 'x' })).status).toBe(401);
    const blocked = await post('/api/session', { username: 'limited', password: 'limited-password' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await blocked.json()) as { error: string }).toEqual({
      error: expect.stringMatching(/too many failed logins/),
    });
    await logIn('admin', ADMIN.password);
  });

  it('changes the password after checking the current one, ending the other sessions', async () => {
    await server.userWith('changer');
    const first = await logIn('changer', 'changer-password');
    const second = await logIn('changer', 'changer-password');
    const change = (cookie: string, body: unknown) =>
      anonymous('/api/session/password', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await change(first.cookie, { current: 'wrong', next: 'a-new-password' })).status).toBe(403);
    expect((await change(first.cookie, { current: 'changer-password', next: 'short' })).status).toBe(400);
    expect((await change(first.cookie, { current: 'changer-password', next: 'a-new-password' })).status).toBe(204);
    expect((await anonymous('/api/session', { headers: { cookie: first.cookie } })).status).toBe(200);
    expect((await anonymous('/api/session', { headers: { cookie: second.cookie } })).status).toBe(401);
    expect((await post('/api/session', { username: 'changer', password: 'changer-password' })).status).toBe(401);
    await logIn('changer', 'a-new-password');
  });
});

describe('API tokens', () => {
  it('authenticate with Authorization: Bearer, are stored hashed, and stop working once revoked', async () => {
    const user = await server.auth.createUser({
      username: 'script',
      displayName: 'Script',
      password: 'script-pass',
      admin: false,
    });
    const { token, info } = await server.auth.createToken(user.id, 'ci');
    expect(token).toMatch(/^cw_[A-Za-z0-9_-]{43}$/);
    expect(await server.store.findToken(token)).toBeNull();
    const me = await anonymous('/api/session', { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toEqual({ username: 'script', displayName: 'Script', admin: false });
    // A token in the URL is never read.
    expect((await anonymous(`/api/session?token=${token}`)).status).toBe(401);
    expect((await anonymous('/api/session', { headers: { authorization: 'Bearer cw_wrong' } })).status).toBe(401);
    expect((await anonymous('/api/session', { headers: { authorization: `Basic ${token}` } })).status).toBe(401);
    expect(await server.store.revokeToken(info.id)).toBe(true);
    expect((await anonymous('/api/session', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});

describe('authenticateUpgrade and access events', () => {
  it('refuses an upgrade without a login (401) or a role (403), finds the role otherwise, and 404s a missing template', async () => {
    const viewer = await server.userWith('ws-viewer', { [T]: 'viewer' });
    const stranger = await server.userWith('ws-stranger');
    const decide = (headers: Record<string, string>, docId = T) =>
      authenticateUpgrade(server.auth, server.store, upgrade(headers), docId);
    expect(await decide({})).toEqual({ status: 401, message: expect.any(String) });
    expect(await decide({ authorization: stranger.authorization })).toEqual({
      status: 403,
      message: expect.any(String),
    });
    expect(await decide({ authorization: viewer.authorization })).toMatchObject({
      user: { username: 'ws-viewer' },
      role: 'viewer',
    });
    const { cookie } = await logIn('admin', ADMIN.password);
    expect(await decide({ cookie })).toMatchObject({ user: { username: 'admin' }, role: 'owner' });
    expect(await decide({ cookie }, 'no-such-template')).toEqual({ status: 404, message: expect.any(String) });
    // Bound to the server, as the collab layer takes it; a token in the URL is never read.
    const bound = createUpgradeAuthenticator(server.auth, server.store);
    const token = viewer.authorization.replace('Bearer ', '');
    const inUrl = {
      headers: {},
      url: `/collab/${T}?token=${token}&access_token=${token}`,
    } as unknown as IncomingMessage;
    expect(await bound(inUrl, T)).toEqual({ status: 401, message: expect.any(String) });
    expect(await bound(upgrade({ authorization: viewer.authorization }), T)).toMatchObject({ role: 'viewer' });
  });

  it('tells subscribers when a role is given, changed or taken away', async () => {
    const seen: string[] = [];
    const stop = server.auth.events.onAccessChanged((userId, docId) => seen.push(`${userId} ${docId}`));
    await server.userWith('shared');
    const user = await server.store.findUser('shared');
    const put = (role: string) =>
      server.fetch(`/api/templates/${T}/members/shared`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role }),
      });
    expect((await put('editor')).status).toBe(200);
    expect((await put('viewer')).status).toBe(200);
    expect((await server.fetch(`/api/templates/${T}/members/shared`, { method: 'DELETE' })).status).toBe(204);
    stop();
    expect((await put('viewer')).status).toBe(200);
    expect(seen).toEqual([`${user?.id} ${T}`, `${user?.id} ${T}`, `${user?.id} ${T}`]);
    const members = (await (await server.fetch(`/api/templates/${T}/members`)).json()) as { username: string }[];
    expect(members.map((m) => m.username)).toEqual(['admin', 'shared', 'ws-viewer']);
  });
});
