import { createHash } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import { E2E_ADMIN } from './e2eAdmin.ts';

/** A role on a template, as the sharing API takes it. */
export type E2ERole = 'owner' | 'editor' | 'viewer';

/** The username the harness gives the account shown as `name` (its ASCII slug, or a hash for other scripts). */
export function usernameFor(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug && /^[\x20-\x7e]+$/.test(name)
    ? slug.slice(0, 64)
    : `u-${createHash('sha256').update(name).digest('hex').slice(0, 12)}`;
}

/** The password the harness gives every account it creates (the admin's aside). */
export const passwordFor = (username: string) => `${username}-e2e-password`;

async function expectOk(what: string, res: { ok(): boolean; status(): number; text(): Promise<string> }) {
  if (!res.ok()) throw new Error(`${what}: ${res.status()} ${await res.text()}`);
}

/**
 * Logs `context` in (its cookie jar gets the session) as the account displayed as `name`, creating it through the admin
 * the first time and giving it `role` (default owner) on each of `templates`. Every name gets its own account, so
 * carets, authors and signatures show the names the tests chose.
 */
export async function logInAs(
  context: BrowserContext,
  baseUrl: string,
  name: string,
  grants: { templates?: string[]; role?: E2ERole } = {},
): Promise<{ username: string }> {
  const request = context.request;
  await expectOk('admin login', await request.post(`${baseUrl}/api/session`, { data: E2E_ADMIN }));
  const username = usernameFor(name);
  const created = await request.post(`${baseUrl}/api/users`, {
    data: { username, displayName: name, password: passwordFor(username) },
  });
  // 409: made by an earlier context of the same test run.
  if (created.status() !== 409) await expectOk(`create ${username}`, created);
  for (const id of grants.templates ?? []) {
    const shared = await request.put(`${baseUrl}/api/templates/${encodeURIComponent(id)}/members/${username}`, {
      data: { role: grants.role ?? 'owner' },
    });
    await expectOk(`share ${id} with ${username}`, shared);
  }
  await expectOk(
    `login ${username}`,
    await request.post(`${baseUrl}/api/session`, { data: { username, password: passwordFor(username) } }),
  );
  return { username };
}
