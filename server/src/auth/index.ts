export { AccessEvents, type AccessListener, type SessionsListener } from './AccessEvents.ts';
export {
  Auth,
  type AuthOptions,
  type Caller,
  readCookie,
  SESSION_COOKIE,
  type SecureCookies,
  TOKEN_PREFIX,
} from './Auth.ts';
export { authenticateUpgrade, createUpgradeAuthenticator, type UpgradeDecision } from './authenticateUpgrade.ts';
export { authRoutes } from './authRoutes.ts';
export { claimUnowned } from './claimUnowned.ts';
export { ADMIN_USERNAME, ensureAdmin } from './ensureAdmin.ts';
export { hashPassword, verifyPassword } from './hashPassword.ts';
export { type LoginCheck, LoginLimiter } from './LoginLimiter.ts';
export { isRole, ROLES, roleAllows } from './roles.ts';
export { ACCOUNT_USAGE, DB_FILE, runAccountCommand } from './runAccountCommand.ts';
