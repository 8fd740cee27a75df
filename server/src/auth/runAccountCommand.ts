import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HttpError } from '../HttpError.ts';
import { openStore, SQLITE_FILE } from '../storage/openStore.ts';
import type { PgStore } from '../storage/PgStore.ts';
import type { SqliteStore } from '../storage/SqliteStore.ts';
import { Auth } from './Auth.ts';
import { parseDisplayName, parseNewPassword, parseUsername } from './accountRules.ts';

/** The store's file inside the data directory (as the server opens it). */
export const DB_FILE = SQLITE_FILE;
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../data', import.meta.url));

export const ACCOUNT_USAGE = `  cw user add <username> --role admin|user [--password <pw>] [--name <display name>]
  cw user list
  cw user password <username> [--password <pw>]
  cw token create <username> [--name <what it is for>]
  cw token list [<username>]
  cw token revoke <token id>
  (against the store in CLAUSEWRIGHT_DATABASE_URL when set, else CLAUSEWRIGHT_DATA_DIR, default ./data; a password or token is printed once, never stored)`;

/** Where account commands write; `stdout` gets what scripts read (a password, a token, a list). */
export interface AccountIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Bad arguments: exit code 2 with the message. */
class AccountUsageError extends Error {}

const randomPassword = () => randomBytes(15).toString('base64url');

/**
 * `cw user …` / `cw token …`: manages accounts and API tokens directly in the data directory's store (the server may
 * be running: SQLite's WAL lets both write). Returns the exit code: 0 ok, 2 bad input, 1 internal error.
 */
export async function runAccountCommand(
  argv: string[],
  io: AccountIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let store: SqliteStore | PgStore | undefined;
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { role: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
    });
    const [group, action, target, ...extra] = positionals;
    if (extra.length > 0) throw new AccountUsageError(`unexpected argument "${extra[0]}"`);
    const dataDir = path.resolve(env.CLAUSEWRIGHT_DATA_DIR || DEFAULT_DATA_DIR);
    const file = path.join(dataDir, DB_FILE);
    // Only adding an account may start a store; anything else on a missing one is a wrong CLAUSEWRIGHT_DATA_DIR.
    const databaseUrl = env.CLAUSEWRIGHT_DATABASE_URL || undefined;
    if (!databaseUrl && !(group === 'user' && action === 'add') && !existsSync(file)) {
      throw new AccountUsageError(`no store at ${file} (set CLAUSEWRIGHT_DATA_DIR to the server's data directory)`);
    }
    store = await openStore({ dataDir, databaseUrl });
    const auth = new Auth(store);
    const user = async (raw: string | undefined) => {
      if (!raw) throw new AccountUsageError(`cw ${group} ${action} needs a username`);
      const found = await store?.findUser(parseUsername(raw));
      if (!found) throw new AccountUsageError(`no account "${raw}"`);
      return found;
    };
    const command = `${group} ${action}`;
    if (command === 'user add') {
      if (values.role !== 'admin' && values.role !== 'user')
        throw new AccountUsageError('--role must be admin or user');
      const username = parseUsername(target);
      const password = values.password === undefined ? randomPassword() : parseNewPassword(values.password);
      const created = await auth.createUser({
        username,
        displayName: values.name === undefined ? username : parseDisplayName(values.name, 'name'),
        password,
        admin: values.role === 'admin',
      });
      io.stderr(`created ${created.admin ? 'admin' : 'user'} "${created.username}" in ${store.path}\n`);
      if (values.password === undefined) io.stdout(`${password}\n`);
    } else if (command === 'user list') {
      for (const u of await store.listUsers())
        io.stdout(`${u.username}\t${u.admin ? 'admin' : 'user'}\t${u.displayName}\n`);
    } else if (command === 'user password') {
      const found = await user(target);
      const password = values.password === undefined ? randomPassword() : parseNewPassword(values.password);
      await auth.setPassword(found.id, password);
      await store.deleteSessionsOf(found.id);
      io.stderr(`changed the password of "${found.username}" and ended its sessions\n`);
      if (values.password === undefined) io.stdout(`${password}\n`);
    } else if (command === 'token create') {
      const found = await user(target);
      const { token, info } = await auth.createToken(found.id, values.name ?? 'cli');
      io.stderr(`token ${info.id} for "${found.username}" (shown once; revoke with cw token revoke ${info.id})\n`);
      io.stdout(`${token}\n`);
    } else if (command === 'token list') {
      const found = target ? await user(target) : undefined;
      const users = new Map((await store.listUsers()).map((u) => [u.id, u.username]));
      for (const t of await store.listTokens(found?.id)) {
        io.stdout(`${t.id}\t${users.get(t.userId) ?? t.userId}\t${t.name}\t${new Date(t.createdAt).toISOString()}\n`);
      }
    } else if (command === 'token revoke') {
      if (!target) throw new AccountUsageError('cw token revoke needs a token id (see cw token list)');
      if (!(await store.revokeToken(target))) throw new AccountUsageError(`no token "${target}"`);
      io.stderr(`revoked token ${target}\n`);
    } else {
      throw new AccountUsageError(`unknown command "cw ${positionals.join(' ')}"\n${ACCOUNT_USAGE}`);
    }
    return 0;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (
      e instanceof AccountUsageError ||
      e instanceof HttpError ||
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
      code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
    ) {
      io.stderr(`error: ${(e as Error).message}\n`);
      return 2;
    }
    io.stderr(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  } finally {
    await store?.close();
  }
}
