import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { Connection } from '../state/uiStore.ts';
import { connectionState } from './connectionState.ts';
import { UnsyncedCounter } from './UnsyncedCounter.ts';

/**
 * Reports the document's connection (state, unsynced local changes, peers) through `report` whenever it changes.
 * `ignoredOrigins` are update origins that are not local edits (e.g. the IndexedDB persistence). Returns the stop.
 */
export function watchConnection(
  ydoc: Y.Doc,
  provider: WebsocketProvider,
  report: (connection: Connection) => void,
  ignoredOrigins: Iterable<unknown> = [],
): () => void {
  const counter = new UnsyncedCounter([provider, ...ignoredOrigins]);
  let lost = false;
  let last: Connection | null = null;
  const online = () => (typeof navigator === 'undefined' ? true : navigator.onLine);

  const emit = () => {
    const next: Connection = {
      state: connectionState({ wsconnected: provider.wsconnected, synced: provider.synced, lost, online: online() }),
      lost,
      unsynced: counter.count,
      peers: Math.max(0, provider.awareness.getStates().size - 1),
    };
    if (last && (Object.keys(next) as (keyof Connection)[]).every((k) => next[k] === last?.[k])) return;
    last = next;
    report(next);
  };

  // The update handler runs on every keystroke: it only counts, and reports only while unsynced.
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (counter.update(origin)) emit();
  };
  const onSync = (synced: boolean) => {
    if (synced) lost = false;
    counter.sync(synced);
    emit();
  };
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'disconnected') lost = true;
    emit();
  };
  const onClose = () => {
    // A socket that never opened emits no 'disconnected' status; it still means the server is out of reach.
    lost = true;
    emit();
  };
  const onAwareness = () => emit();

  ydoc.on('update', onUpdate);
  provider.on('sync', onSync);
  provider.on('status', onStatus);
  provider.on('connection-close', onClose);
  provider.awareness.on('change', onAwareness);
  const hasWindow = typeof window !== 'undefined';
  if (hasWindow) {
    window.addEventListener('online', emit);
    window.addEventListener('offline', emit);
  }
  counter.sync(provider.synced);
  emit();

  return () => {
    ydoc.off('update', onUpdate);
    provider.off('sync', onSync);
    provider.off('status', onStatus);
    provider.off('connection-close', onClose);
    provider.awareness.off('change', onAwareness);
    if (hasWindow) {
      window.removeEventListener('online', emit);
      window.removeEventListener('offline', emit);
    }
  };
}
