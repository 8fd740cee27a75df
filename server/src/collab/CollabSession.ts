/** One connected client as the hub sees it; the transport decides how bytes travel. */
export interface CollabSession {
  /** Who is editing, stored as the origin of their updates. */
  readonly name: string;
  /** Sends a Yjs update that other sessions made (already stored). */
  sendUpdate(update: Uint8Array): void;
  /** Sends an encoded awareness update. */
  sendAwareness(update: Uint8Array): void;
  /** Ends this session's connection; the transport calls `disconnect` afterwards. */
  close(code: number, reason: string): void;
}
