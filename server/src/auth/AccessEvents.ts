/** Called when `userId`'s role on template `docId` changed or was taken away. */
export type AccessListener = (userId: string, docId: string) => void;

/** Where the collab layer hears that someone's access to a template changed, to re-check their open connections. */
export class AccessEvents {
  readonly #listeners = new Set<AccessListener>();

  /** Subscribes; returns the unsubscribe function. */
  onAccessChanged(listener: AccessListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(userId: string, docId: string): void {
    for (const listener of this.#listeners) {
      try {
        listener(userId, docId);
      } catch {
        // One subscriber's failure must not keep the others from hearing about a revocation.
      }
    }
  }
}
