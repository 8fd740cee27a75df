import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

// Node joins repeated X-Forwarded-For headers with ", "; a header this long is no proxy chain we trust.
const MAX_HEADER_LENGTH = 4096;

/**
 * The address of the client behind `request`, as per-address limits, login throttling and logs key it. With
 * `trustedHops` 0 it is the socket's peer. With N > 0 the server sits behind N proxies, each of which appends the
 * address it received the request from to `X-Forwarded-For`: the client is the N-th entry from the right (the
 * right-most one no trusted proxy vouches for being itself), and what stands left of it — anything the client sent —
 * is ignored. A chain shorter than N gives its left-most entry. Without the header, or when an entry written by a
 * trusted proxy is not an IP address, the socket's address is used: a bad header never decides the key.
 */
export function clientAddress(request: IncomingMessage, trustedHops: number): string {
  const socketAddress = request.socket.remoteAddress ?? 'unknown';
  if (trustedHops <= 0) return socketAddress;
  const header = request.headers['x-forwarded-for'];
  const raw = Array.isArray(header) ? header.join(',') : header;
  if (raw === undefined || raw.length > MAX_HEADER_LENGTH) return socketAddress;
  const entries = raw.split(',');
  // Every entry from the client's onwards was written by a trusted proxy, so each must be an address.
  const trusted = entries.slice(Math.max(0, entries.length - trustedHops)).map(plainAddress);
  const client = trusted[0];
  return client && trusted.every((entry) => entry !== null) ? client : socketAddress;
}

/** An X-Forwarded-For entry as a bare IP address (`[v6]` and `:port` suffixes removed); null when it is none. */
function plainAddress(entry: string): string | null {
  const trimmed = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(trimmed);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(trimmed);
  const address = bracketed?.[1] ?? withPort?.[1] ?? trimmed;
  return isIP(address) === 0 ? null : address;
}
