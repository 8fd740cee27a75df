import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/auth/hashPassword.ts';
import { LoginLimiter } from '../../src/auth/LoginLimiter.ts';

describe('hashPassword', () => {
  it('hashes with scrypt and a fresh salt each time, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horse!', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
    expect(await verifyPassword('correct horse', null)).toBe(false);
    expect(await verifyPassword('correct horse', 'md5$whatever')).toBe(false);
  });

  it('treats a password typed in another Unicode normal form as the same password', async () => {
    const composed = await hashPassword('caf\u00e9-passw0rd');
    expect(await verifyPassword('cafe\u0301-passw0rd', composed)).toBe(true);
  });
});

describe('LoginLimiter', () => {
  it('refuses after maxFailures in the window, until the window ends; a success clears the key', () => {
    const limiter = new LoginLimiter(2, 60_000);
    limiter.fail('k', 0);
    limiter.fail('k', 1);
    expect(limiter.check('k', 2)).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect(limiter.check('other', 2)).toEqual({ ok: true });
    expect(limiter.check('k', 60_000)).toEqual({ ok: true });
    limiter.fail('j', 0);
    limiter.succeed('j');
    limiter.fail('j', 1);
    expect(limiter.check('j', 2)).toEqual({ ok: true });
  });
});
