import path from 'node:path';
import { Auth } from '../../src/auth/Auth.ts';
import { ADMIN_USERNAME } from '../../src/auth/ensureAdmin.ts';
import { SQLITE_FILE, SqliteStore } from '../../src/storage/index.ts';

/**
 * Fills the SQLite store in `dataDir` before any server opens it: empty documents `docIds` (upgrades need them)
 * and the global `admin` account with an API token. Resolves with the upgrade headers that let a client in — a
 * token, unlike a login, costs no scrypt per restart and survives every kill.
 */
export async function prepareDataDir(dataDir: string, docIds: string[]): Promise<Record<string, string>> {
  const store = SqliteStore.open(path.join(dataDir, SQLITE_FILE));
  try {
    for (const id of docIds)
      await store.create(id, new Uint8Array([0, 0]), { title: id, locale: 'en', numbering: 'en' });
    const auth = new Auth(store);
    const admin = await auth.createUser({
      username: ADMIN_USERNAME,
      displayName: 'Admin',
      password: 'durability-admin-password',
      admin: true,
    });
    const { token } = await auth.createToken(admin.id, 'durability');
    return { authorization: `Bearer ${token}` };
  } finally {
    await store.close();
  }
}
