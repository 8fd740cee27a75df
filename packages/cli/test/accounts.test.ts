import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../server/src/auth/hashPassword.ts';
import { hashSecret } from '../../../server/src/auth/secrets.ts';
import { SqliteStore } from '../../../server/src/storage/index.ts';
import { runCli } from '../src/runCli.ts';

let dir: string;
const saved = process.env.CLAUSEWRIGHT_DATA_DIR;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cw-cli-accounts-'));
  process.env.CLAUSEWRIGHT_DATA_DIR = dir;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.CLAUSEWRIGHT_DATA_DIR;
  else process.env.CLAUSEWRIGHT_DATA_DIR = saved;
  await rm(dir, { recursive: true, force: true });
});

let out = '';
let err = '';
const io = {
  stdout: (d: string | Uint8Array) => {
    out += String(d);
  },
  stderr: (t: string) => {
    err += t;
  },
  stdoutIsTTY: false,
};
afterEach(() => {
  out = '';
  err = '';
});

async function cw(...argv: string[]): Promise<number> {
  out = '';
  err = '';
  return runCli(argv, io);
}

async function withStore<T>(read: (store: SqliteStore) => Promise<T>): Promise<T> {
  const store = SqliteStore.open(path.join(dir, 'clausewright.db'));
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

describe('cw user / cw token', () => {
  it('adds a user with a given password (hashed in the store) and an admin with a generated one printed once', async () => {
    expect(await cw('user', 'add', 'Lin', '--role', 'user', '--password', 'lin-password', '--name', '林律师')).toBe(0);
    expect(out).toBe('');
    const lin = await withStore((s) => s.findUser('lin'));
    expect(lin).toMatchObject({ username: 'lin', displayName: '林律师', admin: false });
    expect(lin?.passwordHash).not.toContain('lin-password');
    expect(await verifyPassword('lin-password', lin?.passwordHash ?? null)).toBe(true);

    expect(await cw('user', 'add', 'boss', '--role', 'admin')).toBe(0);
    const generated = out.trim();
    expect(generated.length).toBeGreaterThanOrEqual(16);
    const boss = await withStore((s) => s.findUser('boss'));
    expect(boss?.admin).toBe(true);
    expect(await verifyPassword(generated, boss?.passwordHash ?? null)).toBe(true);

    expect(await cw('user', 'list')).toBe(0);
    expect(out).toBe('boss\tadmin\tboss\nlin\tuser\t林律师\n');
  });

  it('refuses a taken name, a missing or unknown role and a short password with exit code 2', async () => {
    expect(await cw('user', 'add', 'lin', '--role', 'user', '--password', 'another-one')).toBe(2);
    expect(err).toMatch(/taken/);
    expect(await cw('user', 'add', 'sam')).toBe(2);
    expect(err).toMatch(/--role must be admin or user/);
    expect(await cw('user', 'add', 'sam', '--role', 'owner')).toBe(2);
    expect(await cw('user', 'add', 'sam', '--role', 'user', '--password', 'short')).toBe(2);
    expect(err).toMatch(/8–1024/);
    expect(await cw('user', 'frobnicate')).toBe(2);
  });

  it('creates a token printed once and stored hashed, lists it and revokes it', async () => {
    expect(await cw('token', 'create', 'lin', '--name', 'ci')).toBe(0);
    const token = out.trim();
    expect(token).toMatch(/^cw_[A-Za-z0-9_-]{43}$/);
    const info = await withStore((s) => s.findToken(hashSecret(token)));
    expect(info).toMatchObject({ name: 'ci' });
    expect(await withStore((s) => s.findToken(token))).toBeNull();
    expect(await cw('token', 'list', 'lin')).toBe(0);
    expect(out).toMatch(new RegExp(`^${info?.id}\tlin\tci\t\\d{4}-`));
    expect(await cw('token', 'revoke', info?.id as string)).toBe(0);
    expect(await withStore((s) => s.findToken(hashSecret(token)))).toBeNull();
    expect(await cw('token', 'revoke', info?.id as string)).toBe(2);
    expect(await cw('token', 'create', 'nobody')).toBe(2);
  });

  it("sets a new password and ends the account's sessions", async () => {
    await withStore(async (s) => {
      const lin = await s.findUser('lin');
      await s.createSession('h1', { userId: lin?.id as string, createdAt: Date.now(), expiresAt: Date.now() + 60_000 });
    });
    expect(await cw('user', 'password', 'lin', '--password', 'brand-new-pass')).toBe(0);
    const lin = await withStore((s) => s.findUser('lin'));
    expect(await verifyPassword('brand-new-pass', lin?.passwordHash ?? null)).toBe(true);
    expect(await withStore((s) => s.getSession('h1'))).toBeNull();
  });
});
