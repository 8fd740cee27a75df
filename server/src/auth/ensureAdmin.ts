import type { Logger } from '../createLogger.ts';
import type { Auth } from './Auth.ts';
import { newSecret } from './secrets.ts';

/** The account the first start creates. */
export const ADMIN_USERNAME = 'admin';

/**
 * On a first start (no accounts yet) creates the global admin `admin`: with `password` when given
 * (`CLAUSEWRIGHT_ADMIN_PASSWORD`), else a random one written to the log once — it is never stored in the clear.
 * Resolves with the admin's id (an existing `admin` account's on later starts), or null when accounts exist but none
 * is named `admin`.
 */
export async function ensureAdmin(auth: Auth, logger: Logger, password?: string): Promise<string | null> {
  const users = await auth.accounts.listUsers();
  if (users.length > 0) return users.find((u) => u.username === ADMIN_USERNAME)?.id ?? null;
  const chosen = password || newSecret().slice(0, 20);
  const admin = await auth.createUser({
    username: ADMIN_USERNAME,
    displayName: 'Admin',
    password: chosen,
    admin: true,
  });
  if (password) logger.warn(`created the admin account "${ADMIN_USERNAME}" with CLAUSEWRIGHT_ADMIN_PASSWORD`);
  else {
    logger.warn(
      `created the admin account "${ADMIN_USERNAME}" with the one-time password ${chosen} — log in and change it; it is not shown again`,
    );
  }
  return admin.id;
}
