import type { HubDocument } from '../collab/HubDocument.ts';

/**
 * What a `DocumentHub` tells a cross-instance relay (`DocumentHub.useRelay`). The hub stores an update before it
 * calls `stored`, so a relay that misses a message can always catch up from the store.
 */
export interface HubRelay {
  /**
   * Called before a document's stored log is read: the relay notes where the document's feed stands, so whatever is
   * published after that point is read later and whatever was published before it is in the log. Should not throw.
   */
  opening(docId: string): Promise<void>;
  /** The document is loaded and serves sessions; relayed updates may now be applied to it. */
  opened(hubDoc: HubDocument): void;
  /** The document left memory (unloaded, dropped after a failure) or its load failed. */
  closed(docId: string): void;
  /** Updates this instance received and stored, merged, for the other instances. */
  stored(hubDoc: HubDocument, update: Uint8Array): void;
  /** An awareness change made by this instance's sessions (joins, moves, leaves), for the other instances. */
  awareness(hubDoc: HubDocument, update: Uint8Array): void;
}
