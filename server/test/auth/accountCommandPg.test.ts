import { afterAll, beforeAll, expect, it } from 'vitest';
import { runAccountCommand } from '../../src/auth/runAccountCommand.ts';
import { hashSecret } from '../../src/auth/secrets.ts';
import { PgStore } from '../../src/storage/index.ts';
import { dropSchema, freshSchema, TEST_DATABASE_URL } from '../storage/pgTestDatabase.ts';

// `cw user` / `cw token` follow CLAUSEWRIGHT_DATABASE_URL like the server does, so accounts can be managed on PostgreSQL.
const schema = freshSchema();
let url: string;

beforeAll(async () => {
  // Creating the schema first: a URL's search_path must name an existing one.
  await (await PgStore.open(TEST_DATABASE_URL, { schema })).close();
  url = `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
});
afterAll(() => dropSchema(schema));

async function cw(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };
  const code = await runAccountCommand(argv, io, {
    CLAUSEWRIGHT_DATABASE_URL: url,
    CLAUSEWRIGHT_DATA_DIR: '/nonexistent',
  });
  return { code, out: out.join(''), err: err.join('') };
}

it('adds a user and creates a token in the PostgreSQL store, never touching the data directory', async () => {
  const added = await cw('user', 'add', 'lin', '--role', 'user', '--password', 'a-long-enough-password');
  expect(added.code, added.err).toBe(0);
  expect(added.err).toContain('127.0.0.1:5432/test');

  const token = await cw('token', 'create', 'lin');
  expect(token.code, token.err).toBe(0);
  const secret = token.out.trim();
  expect(secret).toMatch(/^cw_/);

  const store = await PgStore.open(TEST_DATABASE_URL, { schema });
  try {
    const user = await store.findUser('lin');
    expect(user?.admin).toBe(false);
    const listed = await cw('user', 'list');
    expect(listed.out).toContain('lin');
    expect((await store.findToken(hashSecret(secret)))?.userId).toBe(user?.id);
  } finally {
    await store.close();
  }
});
