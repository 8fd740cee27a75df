import { request, templatePath } from '../api.ts';

/** The logged-in account, as `GET /api/session` answers. */
export interface SessionUser {
  username: string;
  displayName: string;
  admin: boolean;
}

/** A role on one template. */
export type TemplateRole = 'owner' | 'editor' | 'viewer';

export const TEMPLATE_ROLES: readonly TemplateRole[] = ['owner', 'editor', 'viewer'];

/** Someone with a role on a template. */
export interface Member {
  username: string;
  displayName: string;
  role: TemplateRole;
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** Who is logged in; null when nobody is (a 401, which must not send the page to the login page again). */
export async function fetchSession(signal?: AbortSignal): Promise<SessionUser | null> {
  const res = await fetch('/api/session', signal ? { signal } : {});
  if (res.status === 401) return null;
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  return res.json();
}

/** Logs in (the server sets the session cookie); ApiError 401 for a wrong name or password, 429 when rate-limited. */
export async function logIn(username: string, password: string): Promise<SessionUser> {
  return (await request('/api/session', json('POST', { username, password }))).json();
}

export async function logOut(): Promise<void> {
  await request('/api/session', { method: 'DELETE' });
}

/** ApiError 403 when `current` is wrong, 400 when `next` is too short. */
export async function changePassword(current: string, next: string): Promise<void> {
  await request('/api/session/password', json('POST', { current, next }));
}

/** Every account's username and display name, for the sharing picker. */
export async function fetchUsers(signal?: AbortSignal): Promise<{ username: string; displayName: string }[]> {
  return (await request('/api/users', signal ? { signal } : {})).json();
}

export async function fetchMembers(id: string, signal?: AbortSignal): Promise<Member[]> {
  return (await request(`${templatePath(id)}/members`, signal ? { signal } : {})).json();
}

export async function setMember(id: string, username: string, role: TemplateRole): Promise<Member> {
  return (await request(`${templatePath(id)}/members/${encodeURIComponent(username)}`, json('PUT', { role }))).json();
}

export async function removeMember(id: string, username: string): Promise<void> {
  await request(`${templatePath(id)}/members/${encodeURIComponent(username)}`, { method: 'DELETE' });
}
