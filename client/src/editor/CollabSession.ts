import { BODY_FIELD } from '@clausewright/schema';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { TemplateRole } from '../auth/authApi.ts';
import { readAuthMessage } from '../auth/readAuthMessage.ts';
import { type ConnectionProblem, closeProblem, deniedProblem } from '../connection/connectionProblem.ts';
import { BatchedIndexeddbPersistence } from './BatchedIndexeddbPersistence.ts';
import { collabUrl } from './collabUrl.ts';
import { deferSocketUpdates } from './deferSocketUpdates.ts';
import { userColor } from './userColor.ts';

/** y-websocket's auth message type (y-protocols/auth). */
const MESSAGE_AUTH = 2;

/** Who is editing: shown on their caret in every other window. */
export interface CollabUser {
  name: string;
  color: string;
}

/** What a `CollabSession` tells its page. */
export interface CollabSessionHooks {
  /** Why the server refused or ended the connection; null once it works again. */
  onProblem?(problem: ConnectionProblem | null): void;
  /** An upgrade failed and the login turned out to be over (the browser cannot read the upgrade's 401). */
  onLoggedOut?(): void;
  /** The server told this connection its role: on connecting, and at once whenever an owner changes it. */
  onRole?(role: TemplateRole): void;
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
  readonly #onOnline = () => {
    // A problem that stopped the reconnect loop stays stopped: the network coming back does not fix it.
    if (!this.#problem?.permanent) this.provider.connect();
  };
  #problem: ConnectionProblem | null = null;
  #role: TemplateRole | null = null;
  readonly #hooks: CollabSessionHooks;
  /** Whether a socket of this session ever opened (a refused upgrade closes one that never did). */
  #opened = false;

  constructor(id: string, name: string, origin: string, hooks: CollabSessionHooks = {}) {
    this.#hooks = hooks;
    this.id = id;
    this.user = { name, color: userColor(name) };
    this.persistence = new BatchedIndexeddbPersistence(`clausewright:${id}`, this.ydoc);
    // No BroadcastChannel: tabs meet through the server, and cross-tab messages cost a postMessage per keystroke.
    this.provider = new WebsocketProvider(collabUrl(origin), id, this.ydoc, {
      params: { name },
      disableBc: true,
      // Reconnecting after a revocation or a refused update would loop (the same refusal, the same update resent).
      shouldReconnect: (event) => !closeProblem(event.code, event.reason)?.permanent,
    });
    // The server answers a viewer's change with permission-denied and keeps the connection; it also says which role
    // the connection has, whenever that changes.
    this.provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
      const message = readAuthMessage(decoder);
      if (message?.kind === 'denied') this.#report(deniedProblem(message.reason));
      else if (message?.kind === 'role') this.#changeRole(message.role);
    };
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this.#opened = true;
    });
    this.provider.on('sync', (synced: boolean) => {
      if (synced && this.#problem && !this.#problem.permanent && this.#problem.kind !== 'readOnly') this.#report(null);
    });
    this.provider.on('connection-close', (event) => {
      if (!event) return;
      const problem = closeProblem(event.code, event.reason);
      if (problem) this.#report(problem);
      else if (!this.#opened || event.code === 1006) {
        // Refused before opening: a 401 looks like any network failure here, so ask the API who we are.
        void fetch('/api/session').then(
          (res) => {
            if (res.status === 401 && !this.#destroyed) this.#hooks.onLoggedOut?.();
          },
          () => {},
        );
      }
      if (problem?.kind === 'loginEnded') this.#hooks.onLoggedOut?.();
    });
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

  /** Why the server refused or ended the connection; null while all is well. */
  get problem(): ConnectionProblem | null {
    return this.#problem;
  }

  /** The role the server last said this connection has; null until it has said. */
  get role(): TemplateRole | null {
    return this.#role;
  }

  #report(problem: ConnectionProblem | null): void {
    if (this.#destroyed) return;
    this.#problem = problem;
    this.#hooks.onProblem?.(problem);
  }

  #changeRole(role: TemplateRole): void {
    if (this.#destroyed) return;
    this.#role = role;
    // A viewer's refused change is moot once the user may write.
    if (role !== 'viewer' && this.#problem?.kind === 'readOnly') this.#report(null);
    this.#hooks.onRole?.(role);
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
