import { BODY_FIELD } from '@clausewright/schema';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BatchedIndexeddbPersistence } from './BatchedIndexeddbPersistence.ts';
import { collabUrl } from './collabUrl.ts';
import { deferSocketUpdates } from './deferSocketUpdates.ts';
import { userColor } from './userColor.ts';

/** Who is editing: shown on their caret in every other window. */
export interface CollabUser {
  name: string;
  color: string;
}

/**
 * One open template: its Y.Doc, the websocket to the server and the browser copy in IndexedDB (so edits made offline
 * survive a reload and are sent on reconnect).
 */
export class CollabSession {
  readonly id: string;
  readonly ydoc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly persistence: BatchedIndexeddbPersistence;
  readonly user: CollabUser;
  /**
   * Resolves once there is a document to show: the server's state, or a non-empty copy from IndexedDB. Mounting the
   * editor on an empty fragment would make it write a filler block of its own, which then merges in as a stray clause.
   */
  readonly ready: Promise<void>;
  #destroyed = false;
  // A socket can outlive the network (Chromium keeps it open when it goes offline): close it, so edits are kept
  // and counted as unsynced instead of vanishing into a dead connection, and reconnect when the network returns.
  readonly #onOffline = () => this.provider.disconnect();
  readonly #onOnline = () => this.provider.connect();

  constructor(id: string, name: string, origin: string) {
    this.id = id;
    this.user = { name, color: userColor(name) };
    this.persistence = new BatchedIndexeddbPersistence(`clausewright:${id}`, this.ydoc);
    // No BroadcastChannel: tabs meet through the server, and cross-tab messages cost a postMessage per keystroke.
    this.provider = new WebsocketProvider(collabUrl(origin), id, this.ydoc, { params: { name }, disableBc: true });
    // Each keystroke queues its update; the socket send happens in the next task, outside the keystroke.
    deferSocketUpdates(this.provider);
    this.provider.awareness.setLocalStateField('user', this.user);
    window.addEventListener('offline', this.#onOffline);
    window.addEventListener('online', this.#onOnline);
    const body = this.ydoc.getXmlFragment(BODY_FIELD);
    this.ready = new Promise<void>((resolve) => {
      const onSync = (synced: boolean) => {
        if (synced) done();
      };
      const done = () => {
        this.provider.off('sync', onSync);
        resolve();
      };
      this.provider.on('sync', onSync);
      this.persistence.whenSynced.then(() => {
        if (body.length > 0) done();
      });
    });
  }

  /** Changes the name on this user's caret for everyone (the server learns it on the next connection). */
  rename(name: string): void {
    this.user.name = name;
    this.user.color = userColor(name);
    this.provider.params = { ...this.provider.params, name };
    this.provider.awareness.setLocalStateField('user', { ...this.user });
  }

  get destroyed(): boolean {
    return this.#destroyed;
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    window.removeEventListener('offline', this.#onOffline);
    window.removeEventListener('online', this.#onOnline);
    this.provider.destroy();
    void this.persistence.destroy();
    this.ydoc.destroy();
  }
}
