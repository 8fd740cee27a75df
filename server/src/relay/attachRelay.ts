import type { DocumentHub } from '../collab/DocumentHub.ts';
import { RedisRelay, type RedisRelayOptions } from './RedisRelay.ts';

/**
 * Connects `hub` to the other instances through the Redis at `options.url` (`CLAUSEWRIGHT_REDIS_URL`): updates this
 * instance stores and its sessions' awareness reach the clients of the same document on every instance. Call it
 * before the first document is opened; close it after the hub (the hub publishes what it stores while closing).
 * Resolves once Redis answered or `startTimeoutMs` passed (it keeps retrying; documents opened meanwhile catch up).
 */
export async function attachRelay(
  hub: DocumentHub,
  options: RedisRelayOptions & { startTimeoutMs?: number },
): Promise<RedisRelay> {
  const relay = new RedisRelay(hub, options);
  hub.useRelay(relay);
  await relay.start(options.startTimeoutMs);
  return relay;
}
