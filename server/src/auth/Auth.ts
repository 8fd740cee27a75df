import type { IncomingMessage } from 'node:http';
import { HttpError } from '../HttpError.ts';
import type { AccountStore, ApiTokenInfo, StoredUser, TemplateMember, TemplateRole } from '../storage/DocumentStore.ts';
import { AccessEvents } from './AccessEvents.ts';
import { hashPassword, verifyPassword } from './hashPassword.ts';
import { LoginLimiter } from './LoginLimiter.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'cw_session';
/** API tokens start with this, so a leaked one is recognisable (and greppable) as ours. */
export const TOKEN_PREFIX = 'cw_';
const DEFAULT_SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

/** When the session cookie gets `Secure`: always, never, or when the request came over https (itself or a proxy's). */
export type SecureCookies = 'always' | 'never' | 'auto';

export interface AuthOptions {
  /** @default 'auto' */
  secureCookies?: SecureCookies;
  /** How long a login lasts. @default 14 days */
  sessionTtlMs?: number;
  /** Failed logins per username + address. @default 10 a minute */
  loginLimiter?: LoginLimiter;
}

/** Who makes a request: the account, and the session or token it came with. */
export interface Caller {
  user: StoredUser;
  /** The hash of the session's secret when it came with the session cookie. */
  sessionHash: string | null;
  /** The token's id when it came with `Authorization: Bearer`. */
  tokenId: string | null;
}

/**
 * Accounts, logins and roles over an `AccountStore`: who a request comes from (session cookie or bearer token), what
 * role they have on a template, and the events the collab layer hears when a role changes.
 */
export class Auth {
  readonly accounts: AccountStore;
  readonly events = new AccessEvents();
  readonly #secureCookies: SecureCookies;
  readonly #sessionTtlMs: number;
  readonly #limiter: LoginLimiter;

  constructor(accounts: AccountStore, options: AuthOptions = {}) {
    this.accounts = accounts;
    this.#secureCookies = options.secureCookies ?? 'auto';
    this.#sessionTtlMs = options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
    this.#limiter = options.loginLimiter ?? new LoginLimiter();
  }

  /** Creates an account with a hashed password; a 409 when the username is taken. */
  async createUser(user: {
    username: string;
    displayName: string;
    password: string;
    admin: boolean;
  }): Promise<StoredUser> {
    const created = await this.accounts.createUser({
      username: user.username,
      displayName: user.displayName,
      passwordHash: await hashPassword(user.password),
      admin: user.admin,
    });
    if (!created) throw new HttpError(409, `the username "${user.username}" is taken`);
    return created;
  }

  /**
   * Checks a username and password; resolves with the account and a new session's secret (for the cookie). A wrong
   * name or password is one 401 (which was wrong is not said); past the failure limit, a 429 with `retry-after`.
   */
  async login(username: string, password: string, address: string): Promise<{ user: StoredUser; secret: string }> {
    const key = `${username}\u0000${address}`;
    const allowed = this.#limiter.check(key);
    if (!allowed.ok) {
      throw new HttpError(
        429,
        `too many failed logins for "${username}"; try again in ${allowed.retryAfterSeconds} s`,
        { headers: { 'retry-after': String(allowed.retryAfterSeconds) } },
      );
    }
    const found = await this.accounts.findUser(username);
    if (!(await verifyPassword(password, found?.passwordHash ?? null)) || !found) {
      this.#limiter.fail(key);
      throw new HttpError(401, 'wrong username or password');
    }
    this.#limiter.succeed(key);
    const { passwordHash: _hash, ...user } = found;
    const secret = newSecret();
    const now = Date.now();
    await this.accounts.createSession(hashSecret(secret), {
      userId: user.id,
      createdAt: now,
      expiresAt: now + this.#sessionTtlMs,
    });
    return { user, secret };
  }

  /** The `Set-Cookie` value that carries `secret` (or, null, clears the cookie). */
  sessionCookie(req: IncomingMessage, secret: string | null): string {
    const parts = [
      `${SESSION_COOKIE}=${secret ?? ''}`,
      'Path=/',
      'HttpOnly',
      'SameSite=Lax',
      `Max-Age=${secret === null ? 0 : Math.floor(this.#sessionTtlMs / 1000)}`,
    ];
    if (this.#secure(req)) parts.push('Secure');
    return parts.join('; ');
  }

  /** Who sent `req`: the bearer token's account, else the session cookie's; null when neither is valid. */
  async authenticate(req: IncomingMessage): Promise<Caller | null> {
    const header = req.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match) return null;
      const token = await this.accounts.findToken(hashSecret(match[1] as string));
      const user = token && (await this.accounts.getUser(token.userId));
      return user && token ? { user, sessionHash: null, tokenId: token.id } : null;
    }
    const secret = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (!secret) return null;
    const sessionHash = hashSecret(secret);
    const session = await this.accounts.getSession(sessionHash);
    if (!session) return null;
    if (session.expiresAt <= Date.now()) {
      await this.accounts.deleteSession(sessionHash);
      return null;
    }
    const user = await this.accounts.getUser(session.userId);
    return user ? { user, sessionHash, tokenId: null } : null;
  }

  /** Ends the session `req` came with, if any. */
  async logout(req: IncomingMessage): Promise<void> {
    const secret = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (!secret) return;
    const hash = hashSecret(secret);
    const session = await this.accounts.getSession(hash);
    await this.accounts.deleteSession(hash);
    if (session) this.events.emitSessionsEnded(session.userId);
  }

  /** Changes the caller's password after checking the current one (403 when wrong); ends their other sessions. */
  async changePassword(caller: Caller, current: string, next: string): Promise<void> {
    const found = await this.accounts.findUser(caller.user.username);
    if (!found || !(await verifyPassword(current, found.passwordHash))) {
      throw new HttpError(403, 'the current password is wrong');
    }
    await this.setPassword(found.id, next);
    await this.accounts.deleteSessionsOf(found.id, caller.sessionHash ?? undefined);
    this.events.emitSessionsEnded(found.id);
  }

  async setPassword(userId: string, password: string): Promise<void> {
    if (!(await this.accounts.setPasswordHash(userId, await hashPassword(password)))) {
      throw new HttpError(404, 'no such account');
    }
  }

  /** A new API token for `userId`; the secret is returned once and only its hash is kept. */
  async createToken(userId: string, name: string): Promise<{ token: string; info: ApiTokenInfo }> {
    const token = `${TOKEN_PREFIX}${newSecret()}`;
    const info = await this.accounts.createToken(hashSecret(token), { userId, name });
    return { token, info };
  }

  /** `user`'s role on template `docId`: a global admin is owner everywhere; null when they have none. */
  async roleOn(user: StoredUser, docId: string): Promise<TemplateRole | null> {
    if (user.admin) return 'owner';
    return this.accounts.roleOf(docId, user.id);
  }

  /** The templates `user` has a role on; null for an admin, who sees every template. */
  async visibleTemplates(user: StoredUser): Promise<Set<string> | null> {
    if (user.admin) return null;
    return new Set((await this.accounts.rolesOf(user.id)).map((r) => r.docId));
  }

  /** Gives `username` `role` on `docId` (404 when there is no such account) and tells the listeners. */
  async setMember(docId: string, username: string, role: TemplateRole): Promise<TemplateMember> {
    const user = await this.accounts.findUser(username);
    if (!user) throw new HttpError(404, `no account "${username}"`);
    await this.accounts.setRole(docId, user.id, role);
    this.events.emit(user.id, docId);
    return { userId: user.id, username: user.username, displayName: user.displayName, role };
  }

  /** Takes `username`'s role on `docId` away (404 when they had none) and tells the listeners. */
  async removeMember(docId: string, username: string): Promise<void> {
    const user = await this.accounts.findUser(username);
    if (!user || !(await this.accounts.removeRole(docId, user.id))) {
      throw new HttpError(404, `"${username}" has no role on template "${docId}"`);
    }
    this.events.emit(user.id, docId);
  }

  #secure(req: IncomingMessage): boolean {
    if (this.#secureCookies !== 'auto') return this.#secureCookies === 'always';
    const forwarded = req.headers['x-forwarded-proto'];
    const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    return proto === 'https' || (req.socket as { encrypted?: boolean }).encrypted === true;
  }
}

/** One cookie's value from a `Cookie` header; undefined when absent. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
