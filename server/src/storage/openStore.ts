import path from 'node:path';
import { PgStore, type PgStoreOptions } from './PgStore.ts';
import { SqliteStore } from './SqliteStore.ts';

/** The SQLite file inside the data directory (the same name `cw user …` opens). */
export const SQLITE_FILE = 'clausewright.db';

/** Where `openStore` keeps the data. */
export interface StoreLocation {
  /** The folder of the embedded SQLite file; used when there is no `databaseUrl`. */
  dataDir: string;
  /** `postgres://…` or `postgresql://…` (usually `CLAUSEWRIGHT_DATABASE_URL`); empty or absent means SQLite. */
  databaseUrl?: string | undefined;
  /** Passed to `PgStore.open` when the URL is a PostgreSQL one. */
  pg?: PgStoreOptions;
}

/**
 * Opens the store the deployment asks for: PostgreSQL when `databaseUrl` is a `postgres://` URL (migrated on open),
 * else the embedded SQLite file in `dataDir` (the zero-config default). Any other URL scheme is refused by name.
 */
export async function openStore({ dataDir, databaseUrl, pg }: StoreLocation): Promise<SqliteStore | PgStore> {
  if (!databaseUrl) return SqliteStore.open(path.join(dataDir, SQLITE_FILE));
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(databaseUrl)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') return PgStore.open(databaseUrl, pg);
  throw new Error(
    `CLAUSEWRIGHT_DATABASE_URL must start with postgres:// or postgresql://, got ${scheme ? `"${scheme}://…"` : 'no scheme'} (leave it unset for the embedded SQLite store)`,
  );
}
