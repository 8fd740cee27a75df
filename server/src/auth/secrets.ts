import { createHash, randomBytes } from 'node:crypto';

/** A fresh 256-bit random secret (session id or API token), base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What the store keeps of a secret: its SHA-256 (hex). A leaked database holds no working session or token. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
