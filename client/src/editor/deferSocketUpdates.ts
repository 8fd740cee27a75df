import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * Sends this client's document updates to the server in a task right after the change instead of inside it.
 * y-websocket encodes and sends every update synchronously from the Y.Doc's `update` event, i.e. inside each
 * keystroke's transaction; deferred, a keystroke only queues its update, and updates made in the same turn (a
 * burst of typing, a paste) go out as one merged message. Updates the provider itself applied (from the server) are
 * not sent back, as before. Pending updates are sent before the provider is destroyed.
 */
export function deferSocketUpdates(provider: WebsocketProvider): void {
  const p = provider as unknown as { _updateHandler: (update: Uint8Array, origin: unknown) => void };
  const sendNow = p._updateHandler;
  const doc = provider.doc;
  let pending: Uint8Array[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const update = pending.length === 1 ? (pending[0] as Uint8Array) : Y.mergeUpdates(pending);
    pending = [];
    sendNow(update, null);
  };
  const queue = (update: Uint8Array, origin: unknown) => {
    if (origin === provider) return;
    pending.push(update);
    timer ??= setTimeout(flush, 0);
  };
  doc.off('update', sendNow);
  // The provider's destroy() takes `_updateHandler` off the doc: it then removes this one.
  p._updateHandler = queue;
  doc.on('update', queue);
  const destroy = provider.destroy.bind(provider);
  provider.destroy = () => {
    flush();
    destroy();
  };
}
