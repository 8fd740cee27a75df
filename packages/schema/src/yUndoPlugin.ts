import { Plugin } from '@tiptap/pm/state';
import { getRelativeSelection, type UndoPluginState, ySyncPluginKey, yUndoPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';

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
      apply: (_tr, value, oldState, state) => {
        const binding = ySyncPluginKey.getState(state)?.binding;
        const hasUndoOps = undoManager.undoStack.length > 0;
        const hasRedoOps = undoManager.redoStack.length > 0;
        // The selection before each change is remembered so undo puts the caret back where it was.
        if (binding) return { undoManager, prevSel: getRelativeSelection(binding, oldState), hasUndoOps, hasRedoOps };
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
