import { describe, expect, it } from 'vitest';
import { DEFAULT_COLLAB_LIMITS } from './CollabLimits.ts';
import { readCollabLimits } from './readCollabLimits.ts';

describe('readCollabLimits', () => {
  it('gives the defaults when nothing is set', () => {
    expect(readCollabLimits({})).toEqual(DEFAULT_COLLAB_LIMITS);
    expect(DEFAULT_COLLAB_LIMITS.maxMessageBytes).toBe(4 * 1024 * 1024);
  });

  it('reads each CLAUSEWRIGHT_MAX_* variable, 0 turning a limit off', () => {
    const limits = readCollabLimits({
      CLAUSEWRIGHT_MAX_MESSAGE_BYTES: '1048576',
      CLAUSEWRIGHT_MAX_DOCUMENT_BYTES: ' 2000000 ',
      CLAUSEWRIGHT_MAX_CONNECTIONS_PER_USER: '0',
      CLAUSEWRIGHT_MAX_CONNECTIONS_PER_IP: '10',
      CLAUSEWRIGHT_MAX_AWARENESS_PER_SECOND: '30',
      CLAUSEWRIGHT_MAX_AWARENESS_BYTES: '4096',
      CLAUSEWRIGHT_MAX_AWARENESS_CLIENTS: '2',
      CLAUSEWRIGHT_MAX_SYNC_REQUESTS_PER_SECOND: '5',
      CLAUSEWRIGHT_MAX_UPGRADES_PER_IP_PER_SECOND: '50',
      CLAUSEWRIGHT_MAX_PENDING_UPGRADES: '',
    });
    expect(limits).toEqual({
      maxMessageBytes: 1048576,
      maxDocumentBytes: 2000000,
      maxConnectionsPerUser: 0,
      maxConnectionsPerIp: 10,
      maxAwarenessPerSecond: 30,
      maxAwarenessBytes: 4096,
      maxAwarenessClients: 2,
      maxSyncRequestsPerSecond: 5,
      maxUpgradesPerIpPerSecond: 50,
      maxPendingUpgrades: DEFAULT_COLLAB_LIMITS.maxPendingUpgrades,
    });
  });

  it('refuses a value that is not a whole number, naming the variable', () => {
    for (const bad of ['-1', '4MB', '1.5', 'lots']) {
      expect(() => readCollabLimits({ CLAUSEWRIGHT_MAX_MESSAGE_BYTES: bad })).toThrow(
        `CLAUSEWRIGHT_MAX_MESSAGE_BYTES must be a whole number ≥ 0 (0 = no limit), got "${bad}"`,
      );
    }
  });
});
