import { Plugin, type Transaction } from '@tiptap/pm/state';
import { getRelativeSelection, type UndoPluginState, ySyncPluginKey, yUndoPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';

// Time between this state update and the Yjs transaction it causes; beyond it the step is computed anyway.
const CAPTURE_MARGIN_MS = 100;

/** Whether a change now would be added to the UndoManager's last step (Yjs's own test, with a safety margin). */
function mergesIntoLastStep(undoManager: Y.UndoManager): boolean {
  const { lastChange, captureTimeout, undoStack } = undoManager;
  return lastChange > 0 && undoStack.length > 0 && Date.now() - lastChange < captureTimeout - CAPTURE_MARGIN_MS;
}

/** A change that came in from Yjs (another user, IndexedDB), not from this editor nor its undo/redo. */
function isRemoteChange(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined;
  return meta?.isChangeOrigin === true && meta.isUndoRedoOperation !== true;
}

/**
 * y-prosemirror's `yUndoPlugin` state (same key, same state shape, so `undo`/`redo` and the sync plugin find it),
 * except that the plugin view does not destroy the UndoManager. ProseMirror recreates plugin views whenever the
 * plugin list changes (`editor.registerPlugin`, e.g. for carets); y-prosemirror's view then destroys the manager
 * and undo silently stops. The owner ({@link YCollaboration}) destroys the manager with the editor instead.
 */
export function yUndoPlugin(undoManager: Y.UndoManager): Plugin {
  return new Plugin<UndoPluginState>({
    key: yUndoPluginKey,
    state: {
      init: () => ({
        undoManager,
        prevSel: null,
        hasUndoOps: undoManager.undoStack.length > 0,
        hasRedoOps: undoManager.redoStack.length > 0,
      }),
      apply: (tr, value, oldState, state) => {
        const binding = ySyncPluginKey.getState(state)?.binding;
        const hasUndoOps = undoManager.undoStack.length > 0;
        const hasRedoOps = undoManager.redoStack.length > 0;
        // The selection before each change is remembered so undo puts the caret back where it was. It is read only
        // when a change starts a new undo or redo step, so it is not computed (a walk over the body) for a change
        // that will merge into the current step, a change that is not to the document, or someone else's change.
        if (binding && tr.docChanged && !isRemoteChange(tr) && !mergesIntoLastStep(undoManager)) {
          return { undoManager, prevSel: getRelativeSelection(binding, oldState), hasUndoOps, hasRedoOps };
        }
        if (hasUndoOps === value.hasUndoOps && hasRedoOps === value.hasRedoOps) return value;
        return { ...value, hasUndoOps, hasRedoOps };
      },
    },
    view: (view) => {
      const onAdded = ({ stackItem }: { stackItem: { meta: Map<unknown, unknown> } }) => {
        const binding = ySyncPluginKey.getState(view.state)?.binding;
        if (binding) stackItem.meta.set(binding, yUndoPluginKey.getState(view.state)?.prevSel);
      };
      const onPopped = ({ stackItem }: { stackItem: { meta: Map<unknown, unknown> } }) => {
        const binding = ySyncPluginKey.getState(view.state)?.binding;
        if (binding)
          binding.beforeTransactionSelection = stackItem.meta.get(binding) || binding.beforeTransactionSelection;
      };
      undoManager.on('stack-item-added', onAdded);
      undoManager.on('stack-item-popped', onPopped);
      return {
        destroy: () => {
          undoManager.off('stack-item-added', onAdded);
          undoManager.off('stack-item-popped', onPopped);
        },
      };
    },
  });
}
