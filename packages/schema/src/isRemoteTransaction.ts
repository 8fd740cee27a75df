import type { Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from 'y-prosemirror';

/**
 * True for a transaction y-prosemirror dispatched to mirror a Yjs change that did not come from this editor's own
 * typing: a remote update, undo/redo, or the initial render.
 */
export function isRemoteTransaction(tr: Transaction): boolean {
  return tr.getMeta(ySyncPluginKey)?.isChangeOrigin === true;
}
