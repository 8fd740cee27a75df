/** Called when `userId`'s role on template `docId` changed or was taken away. */
export type AccessListener = (userId: string, docId: string) => void;

/** Called when some of `userId`'s login sessions ended (a password change ends all but the caller's). */
export type SessionsListener = (userId: string) => void;

/** Where the collab layer hears that someone's access changed, to re-check their open connections. */
export class AccessEvents {
  readonly #listeners = new Set<AccessListener>();
  readonly #sessionListeners = new Set<SessionsListener>();

  /** Subscribes; returns the unsubscribe function. */
  onAccessChanged(listener: AccessListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Subscribes to ended sessions; returns the unsubscribe function. */
  onSessionsEnded(listener: SessionsListener): () => void {
    this.#sessionListeners.add(listener);
    return () => this.#sessionListeners.delete(listener);
  }

  emit(userId: string, docId: string): void {
    for (const listener of this.#listeners) callSafely(() => listener(userId, docId));
  }

  emitSessionsEnded(userId: string): void {
    for (const listener of this.#sessionListeners) callSafely(() => listener(userId));
  }
}

function callSafely(call: () => void): void {
  try {
    call();
  } catch {
    // One subscriber's failure must not keep the others from hearing about a revocation.
  }
}
