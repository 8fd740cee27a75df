/** The largest `CLAUSEWRIGHT_TRUST_PROXY`: a longer chain of proxies is a configuration mistake. */
const MAX_HOPS = 16;

/**
 * `CLAUSEWRIGHT_TRUST_PROXY` from `env`: how many proxies stand in front of the server (0 or unset: none, the socket's
 * address is the client's). Anything but a whole number 0–16 throws naming the variable, so a typo (or `true`, which
 * would trust whatever a client writes) stops the start instead of keying limits by a spoofable header.
 */
export function readTrustProxy(env: Record<string, string | undefined>): number {
  const raw = env.CLAUSEWRIGHT_TRUST_PROXY?.trim();
  if (raw === undefined || raw === '') return 0;
  const hops = /^\d{1,2}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(hops <= MAX_HOPS)) {
    throw new Error(
      `CLAUSEWRIGHT_TRUST_PROXY must be the number of proxies in front of the server, 0–${MAX_HOPS} (0 = none), got "${raw}"`,
    );
  }
  return hops;
}
