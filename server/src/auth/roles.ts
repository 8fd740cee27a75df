import type { TemplateRole } from '../storage/DocumentStore.ts';

/** Every role, weakest first. */
export const ROLES: readonly TemplateRole[] = ['viewer', 'editor', 'owner'];

/** Whether `role` allows what `needed` allows (owner ⊇ editor ⊇ viewer). */
export function roleAllows(role: TemplateRole | null, needed: TemplateRole): boolean {
  return role !== null && ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export function isRole(value: unknown): value is TemplateRole {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
