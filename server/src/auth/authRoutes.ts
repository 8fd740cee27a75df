import type { IncomingMessage } from 'node:http';
import type { ApiRoute } from '../fill/ApiRoute.ts';
import { callerOf } from '../fill/ApiRoute.ts';
import { sendJson } from '../fill/sendJson.ts';
import { HttpError } from '../HttpError.ts';
import { clientAddress } from '../net/clientAddress.ts';
import { readJsonBody } from '../readJsonBody.ts';
import type { StoredUser, TemplateMember, TemplateRole } from '../storage/DocumentStore.ts';
import type { Auth } from './Auth.ts';
import { parseDisplayName, parseNewPassword, parseUsername } from './accountRules.ts';
import type { SummaryStore } from './authTypes.ts';
import { isRole, ROLES } from './roles.ts';

/** An account as the API shows it to its owner. */
export function userJson(user: StoredUser) {
  return { username: user.username, displayName: user.displayName, admin: user.admin };
}

function memberJson(member: TemplateMember) {
  return { username: member.username, displayName: member.displayName, role: member.role };
}

function object(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new HttpError(400, 'request body must be a JSON object');
  }
  return raw as Record<string, unknown>;
}

function password(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || raw.length === 0) throw new HttpError(400, `"${field}" is required (a string)`);
  if (raw.length > 4096) throw new HttpError(400, `"${field}" is too long`);
  return raw;
}

const MEMBERS = /^\/api\/templates\/([^/]+)\/members$/;
const MEMBER = /^\/api\/templates\/([^/]+)\/members\/([^/]+)$/;

/**
 * Logging in and out (`/api/session`), changing one's password, the account picker (`GET /api/users`; admins create
 * accounts with `POST`) and sharing a
 * template (`/api/templates/:id/members`: anyone with a role sees who else has one; owners and admins change them).
 */
export function authRoutes(options: {
  auth: Auth;
  store: SummaryStore;
  bodyLimit: number;
  /** Proxies in front of the server, for the address failed logins are counted by (`clientAddress`). */
  trustProxy: number;
}): ApiRoute[] {
  const { auth, store, bodyLimit, trustProxy } = options;
  const body = async (req: IncomingMessage) => object(await readJsonBody(req, bodyLimit));
  // A template always keeps an owner: the last one cannot be demoted or removed (an admin can still take over).
  const keepOwner = async (id: string, username: string, next: TemplateRole | null) => {
    if (next === 'owner') return;
    const members = await auth.accounts.listMembers(id);
    const owners = members.filter((m) => m.role === 'owner');
    if (owners.length === 1 && owners[0]?.username === username) {
      throw new HttpError(409, `"${username}" is the only owner of template "${id}"; make someone else owner first`);
    }
  };
  return [
    {
      method: 'POST',
      path: /^\/api\/session$/,
      access: 'public',
      handle: async (req, res) => {
        const given = await body(req);
        const username = typeof given.username === 'string' ? given.username.trim().toLowerCase() : '';
        if (!username) throw new HttpError(400, '"username" is required (a string)');
        const { user, secret } = await auth.login(
          username,
          password(given.password, 'password'),
          clientAddress(req, trustProxy),
        );
        res.setHeader('set-cookie', auth.sessionCookie(req, secret));
        res.setHeader('cache-control', 'no-store');
        sendJson(res, 200, userJson(user));
      },
    },
    {
      method: 'GET',
      path: /^\/api\/session$/,
      access: 'user',
      handle: (_req, res, _params, caller) => {
        res.setHeader('cache-control', 'no-store');
        sendJson(res, 200, userJson(callerOf(caller).user));
      },
    },
    {
      method: 'DELETE',
      path: /^\/api\/session$/,
      // Public: logging out without a (valid) session still clears the cookie.
      access: 'public',
      handle: async (req, res) => {
        await auth.logout(req);
        res.setHeader('set-cookie', auth.sessionCookie(req, null));
        res.writeHead(204);
        res.end();
      },
    },
    {
      method: 'POST',
      path: /^\/api\/session\/password$/,
      access: 'user',
      handle: async (req, res, _params, caller) => {
        const given = await body(req);
        const current = password(given.current, 'current');
        const next = parseNewPassword(given.next, 'next');
        await auth.changePassword(callerOf(caller), current, next);
        res.writeHead(204);
        res.end();
      },
    },
    {
      method: 'GET',
      path: /^\/api\/users$/,
      access: 'user',
      handle: async (_req, res) => {
        const users = await auth.accounts.listUsers();
        sendJson(
          res,
          200,
          users.map((u) => ({ username: u.username, displayName: u.displayName })),
        );
      },
    },
    {
      method: 'POST',
      path: /^\/api\/users$/,
      access: 'admin',
      handle: async (req, res) => {
        const given = await body(req);
        const username = parseUsername(given.username);
        const user = await auth.createUser({
          username,
          displayName: given.displayName === undefined ? username : parseDisplayName(given.displayName),
          password: parseNewPassword(given.password),
          admin: given.admin === true,
        });
        sendJson(res, 201, userJson(user));
      },
    },
    {
      method: 'GET',
      path: MEMBERS,
      access: { role: 'viewer' },
      handle: async (_req, res, [id]) =>
        sendJson(res, 200, (await auth.accounts.listMembers(id as string)).map(memberJson)),
    },
    {
      method: 'PUT',
      path: MEMBER,
      access: { role: 'owner' },
      handle: async (req, res, [id, name]) => {
        const given = await body(req);
        if (!isRole(given.role)) throw new HttpError(400, `"role" must be one of ${ROLES.join(', ')}`);
        const username = parseUsername(name);
        if (!(await store.summary(id as string))) throw new HttpError(404, `no template "${id}"`);
        await keepOwner(id as string, username, given.role);
        sendJson(res, 200, memberJson(await auth.setMember(id as string, username, given.role)));
      },
    },
    {
      method: 'DELETE',
      path: MEMBER,
      access: { role: 'owner' },
      handle: async (_req, res, [id, name]) => {
        const username = parseUsername(name);
        await keepOwner(id as string, username, null);
        await auth.removeMember(id as string, username);
        res.writeHead(204);
        res.end();
      },
    },
  ];
}
