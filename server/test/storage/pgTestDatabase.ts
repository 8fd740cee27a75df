import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL every developer and CI machine runs (trust auth); override with CLAUSEWRIGHT_TEST_DATABASE_URL. */
export const TEST_DATABASE_URL =
  process.env.CLAUSEWRIGHT_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other test run uses; `PgStore.open(url, { schema })` creates it. */
export const freshSchema = () => `cw_test_${randomBytes(6).toString('hex')}`;

/** Runs `work` with a plain client on `schema` (for checks behind the store's back), then disconnects. */
export async function withClient<T>(schema: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  await withClient('public', (client) => client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`));
}
