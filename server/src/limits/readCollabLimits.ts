import { COLLAB_LIMIT_ENV, type CollabLimits, DEFAULT_COLLAB_LIMITS } from './CollabLimits.ts';

/**
 * The limits set in `env` over the defaults. A variable that is set must be a whole number ≥ 0 (0: no limit);
 * anything else throws naming the variable, so a typo stops the start rather than silently lifting a limit.
 */
export function readCollabLimits(env: Record<string, string | undefined>): CollabLimits {
  const limits: CollabLimits = { ...DEFAULT_COLLAB_LIMITS };
  for (const key of Object.keys(COLLAB_LIMIT_ENV) as (keyof CollabLimits)[]) {
    const name = COLLAB_LIMIT_ENV[key];
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') continue;
    if (!/^\d{1,15}$/.test(raw)) throw new Error(`${name} must be a whole number ≥ 0 (0 = no limit), got "${raw}"`);
    limits[key] = Number(raw);
  }
  return limits;
}
