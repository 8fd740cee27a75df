/**
 * What one client may cost the co-editing server. Every limit is a positive integer; 0 turns that limit off.
 * `readCollabLimits` reads them from `CLAUSEWRIGHT_MAX_*` variables ({@link COLLAB_LIMIT_ENV}).
 */
export interface CollabLimits {
  /** Largest websocket message, in bytes; a bigger one closes the connection with 1009 before it is buffered. */
  maxMessageBytes: number;
  /** Largest encoded document state, in bytes; an update that would grow a document past it is refused. */
  maxDocumentBytes: number;
  /** Open connections per user (the display name until accounts exist), across documents. */
  maxConnectionsPerUser: number;
  /** Open connections per remote address. */
  maxConnectionsPerIp: number;
  /** Awareness messages (and awareness queries) per second per connection (a bucket holding one second's worth). */
  maxAwarenessPerSecond: number;
  /** Largest awareness state of one client (its JSON), in bytes. */
  maxAwarenessBytes: number;
  /** Awareness client ids one connection may bring (a browser tab has one; a reconnect may briefly add one). */
  maxAwarenessClients: number;
  /** Sync requests (sync step 1, each answered with a diff of the whole document) per second per connection. */
  maxSyncRequestsPerSecond: number;
  /** Upgrade requests per second per remote address, before anything is authorised or loaded. */
  maxUpgradesPerIpPerSecond: number;
  /** Upgrade requests being authorised or waiting for their document, server-wide. */
  maxPendingUpgrades: number;
}

/**
 * Defaults sized for a law firm's server: generous for people (dozens of tabs, bursts of 150 joins from one office
 * address), small enough that one client cannot fill memory or the disk.
 */
export const DEFAULT_COLLAB_LIMITS: Readonly<CollabLimits> = Object.freeze({
  maxMessageBytes: 4 * 1024 * 1024,
  maxDocumentBytes: 16 * 1024 * 1024,
  maxConnectionsPerUser: 200,
  maxConnectionsPerIp: 1000,
  maxAwarenessPerSecond: 20,
  maxAwarenessBytes: 8 * 1024,
  maxAwarenessClients: 4,
  maxSyncRequestsPerSecond: 10,
  maxUpgradesPerIpPerSecond: 200,
  maxPendingUpgrades: 1000,
});

/** The environment variable of each limit. */
export const COLLAB_LIMIT_ENV: Readonly<Record<keyof CollabLimits, string>> = Object.freeze({
  maxMessageBytes: 'CLAUSEWRIGHT_MAX_MESSAGE_BYTES',
  maxDocumentBytes: 'CLAUSEWRIGHT_MAX_DOCUMENT_BYTES',
  maxConnectionsPerUser: 'CLAUSEWRIGHT_MAX_CONNECTIONS_PER_USER',
  maxConnectionsPerIp: 'CLAUSEWRIGHT_MAX_CONNECTIONS_PER_IP',
  maxAwarenessPerSecond: 'CLAUSEWRIGHT_MAX_AWARENESS_PER_SECOND',
  maxAwarenessBytes: 'CLAUSEWRIGHT_MAX_AWARENESS_BYTES',
  maxAwarenessClients: 'CLAUSEWRIGHT_MAX_AWARENESS_CLIENTS',
  maxSyncRequestsPerSecond: 'CLAUSEWRIGHT_MAX_SYNC_REQUESTS_PER_SECOND',
  maxUpgradesPerIpPerSecond: 'CLAUSEWRIGHT_MAX_UPGRADES_PER_IP_PER_SECOND',
  maxPendingUpgrades: 'CLAUSEWRIGHT_MAX_PENDING_UPGRADES',
});

/** The kinds of limit, as the `kind` label of `clausewright_limit_closes_total`. */
export type LimitKind =
  | 'message_size'
  | 'document_size'
  | 'connections_per_user'
  | 'connections_per_ip'
  | 'awareness_rate'
  | 'awareness_size'
  | 'awareness_clients'
  | 'sync_rate'
  | 'upgrade_rate'
  | 'pending_upgrades';
