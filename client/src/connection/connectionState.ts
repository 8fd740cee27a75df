import type { ConnectionState } from '../state/uiStore.ts';

/** What the connection status derives from. */
export interface ConnectionFacts {
  /** The websocket is open. */
  wsconnected: boolean;
  /** The server's state has been received since the socket opened. */
  synced: boolean;
  /** A connection was lost (or never made) and has not synced since. */
  lost: boolean;
  /** The browser believes it has a network. */
  online: boolean;
}

/**
 * Connected only once synced; a lost connection reads "offline" until a new socket opens, so the status does not
 * flicker through "connecting" on every backed-off retry. A browser that says it is offline is offline.
 */
export function connectionState({ wsconnected, synced, lost, online }: ConnectionFacts): ConnectionState {
  if (!online) return 'offline';
  if (wsconnected) return synced ? 'connected' : 'connecting';
  return lost ? 'offline' : 'connecting';
}
