import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { LoginLimiter } from '../../src/auth/LoginLimiter.ts';
import type { CollabLimits } from '../../src/limits/CollabLimits.ts';
import { CLOSE_POLICY } from '../../src/limits/closeCodes.ts';
import { type Ending, openRaw } from '../hostile/startHostileApp.ts';
import { REPO_TEMPLATES, startApp, type TestServer } from '../startApp.ts';

const DOC = 'software-services-agreement';
const OVER_PER_IP = { code: CLOSE_POLICY, reason: 'too many connections from this address (limit 1)' };

let server: TestServer | null = null;
let sockets: WebSocket[] = [];
afterEach(async () => {
  for (const ws of sockets) ws.terminate();
  sockets = [];
  await server?.close();
  server = null;
});

/** A server behind `trustProxy` proxies (0: none) with the per-address limits this file exercises. */
async function serve(trustProxy: number, limits: Partial<CollabLimits>): Promise<TestServer> {
  server = await startApp(REPO_TEMPLATES, { trustProxy, limits, loginLimiter: new LoginLimiter(2, 60_000) });
  return server;
}

/**
 * Opens a collab socket as the admin with `forwardedFor` as its X-Forwarded-For: 'open' when it is accepted and
 * still open `settleMs` later, else how it ended (an upgrade refused with a status, or closed at once with a reason).
 */
async function attempt(s: TestServer, forwardedFor: string, settleMs = 300): Promise<'open' | Ending> {
  const opened = await openRaw(`${s.wsUrl}/${DOC}`, {
    authorization: s.authorization,
    'x-forwarded-for': forwardedFor,
  });
  if ('refused' in opened) return { status: opened.refused.status };
  sockets.push(opened.ws);
  const early = await Promise.race([opened.ended, new Promise<null>((resolve) => setTimeout(resolve, settleMs, null))]);
  return early ?? 'open';
}

/** Upgrades from each of `forwardedFor` at once: how many were accepted, and the statuses of those refused. */
async function burst(
  s: TestServer,
  forwardedFor: string[],
): Promise<{ open: number; refused: (number | undefined)[] }> {
  const outcomes = await Promise.all(forwardedFor.map((address) => attempt(s, address, 0)));
  return {
    open: outcomes.filter((o) => o === 'open').length,
    refused: outcomes.flatMap((o) => (o === 'open' ? [] : [o.status])),
  };
}

/** Tries to log in as admin with a wrong password from `forwardedFor`: the status (401 wrong, 429 throttled). */
async function failLogin(s: TestServer, forwardedFor: string): Promise<number> {
  const res = await fetch(`${s.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ username: 'admin', password: 'wrong' }),
  });
  return res.status;
}

describe('CLAUSEWRIGHT_TRUST_PROXY off (the default)', () => {
  it('ignores a spoofed X-Forwarded-For: every socket from one address counts as that address', async () => {
    const s = await serve(0, { maxConnectionsPerIp: 1 });
    expect(await attempt(s, '203.0.113.1')).toBe('open');
    expect(await attempt(s, '203.0.113.2')).toEqual(OVER_PER_IP);
  });

  it('keys the upgrade rate and login throttling by the socket too', async () => {
    const s = await serve(0, { maxConnectionsPerIp: 0, maxUpgradesPerIpPerSecond: 2 });
    // At once, so the bucket has no time to refill: one of three is over the rate of 2 per second.
    expect(await burst(s, ['203.0.113.1', '203.0.113.2', '203.0.113.3'])).toEqual({ open: 2, refused: [429] });
    expect([await failLogin(s, '203.0.113.1'), await failLogin(s, '203.0.113.1')]).toEqual([401, 401]);
    expect(await failLogin(s, '203.0.113.2')).toBe(429);
  });
});

describe('CLAUSEWRIGHT_TRUST_PROXY=1 (one proxy, e.g. nginx)', () => {
  it('keys connections per address by the right-most X-Forwarded-For entry, ignoring what the client put first', async () => {
    const s = await serve(1, { maxConnectionsPerIp: 1 });
    expect(await attempt(s, '203.0.113.1')).toBe('open');
    expect(await attempt(s, '203.0.113.2')).toBe('open');
    // A client claiming another address: nginx appended the one it came from, which already has its connection.
    expect(await attempt(s, '198.51.100.7, 203.0.113.1')).toEqual(OVER_PER_IP);
  });

  it('keys the upgrade rate and login throttling by the forwarded address', async () => {
    const s = await serve(1, { maxConnectionsPerIp: 0, maxUpgradesPerIpPerSecond: 2 });
    expect(await burst(s, ['203.0.113.1', '203.0.113.1', '203.0.113.1'])).toEqual({ open: 2, refused: [429] });
    expect(await burst(s, ['203.0.113.2', '203.0.113.3'])).toEqual({ open: 2, refused: [] });
    expect([await failLogin(s, '203.0.113.1'), await failLogin(s, '203.0.113.1')]).toEqual([401, 401]);
    expect(await failLogin(s, '203.0.113.1')).toBe(429);
    expect(await failLogin(s, '203.0.113.2')).toBe(401);
  });

  it('falls back to the socket address for a malformed header, and keeps serving', async () => {
    const s = await serve(1, { maxConnectionsPerIp: 1 });
    expect(await attempt(s, 'not-an-address')).toBe('open');
    // Another malformed header is the same (socket) address, so over the limit; a well-formed one is not.
    expect(await attempt(s, '203.0.113.300')).toEqual(OVER_PER_IP);
    expect(await attempt(s, '203.0.113.9')).toBe('open');
  });
});

describe('CLAUSEWRIGHT_TRUST_PROXY=2 (a load balancer, then nginx)', () => {
  it('keys by the second entry from the right', async () => {
    const s = await serve(2, { maxConnectionsPerIp: 1 });
    expect(await attempt(s, '203.0.113.1, 10.0.0.2')).toBe('open');
    expect(await attempt(s, '1.1.1.1, 203.0.113.2, 10.0.0.2')).toBe('open');
    // Another load balancer node, the same client.
    expect(await attempt(s, '203.0.113.1, 10.0.0.3')).toEqual(OVER_PER_IP);
  });
});
