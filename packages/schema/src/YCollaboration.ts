import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import { defaultDeleteFilter, redo, undo, ySyncPlugin, ySyncPluginKey, yUndoPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import { lightenSyncBinding } from './lightenSyncBinding.ts';
import { watchClauseIds } from './watchClauseIds.ts';
import { yUndoPlugin } from './yUndoPlugin.ts';

export interface YCollaborationOptions {
  /** The shared body, `ydoc.getXmlFragment(BODY_FIELD)`. Required. */
  fragment: Y.XmlFragment | null;
  /**
   * Rename duplicate clause ids after every change that did not come from this editor (remote updates, undo/redo,
   * IndexedDB), the same way on every client; see {@link dedupeClauseIds}.
   * @default true
   */
  dedupeClauseIds: boolean;
}

interface YCollaborationStorage {
  undoManager: Y.UndoManager | null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    yCollaboration: {
      /** Undoes this user's last change (remote changes are never undone). */
      undo: () => ReturnType;
      /** Redoes this user's last undone change. */
      redo: () => ReturnType;
    };
  }
  interface Storage {
    yCollaboration: YCollaborationStorage;
  }
}

// Undo may not delete a block someone else has typed into (y-prosemirror's default protects `paragraph` only).
const PROTECTED_NODES = new Set(['paragraph', 'heading', 'clause', 'clauseParagraph']);

/**
 * Binds the editor to a Y.XmlFragment with y-prosemirror 1.3.7, which maps a remote change incrementally (y-tiptap
 * rebuilds its whole mapping on each one: 55–107 ms per remote keystroke at 1,000 clauses). Undo/redo (Mod-z,
 * Mod-Shift-z, Mod-y) covers this user's own changes only: the UndoManager tracks the sync plugin's origin.
 * Carets are not part of it: add y-prosemirror's `yCursorPlugin` in the client.
 *
 * @example YCollaboration.configure({ fragment: ydoc.getXmlFragment(BODY_FIELD) })
 */
export const YCollaboration = Extension.create<YCollaborationOptions, YCollaborationStorage>({
  name: 'yCollaboration',
  // Before other plugins, so the sync plugin's state exists when theirs initialise.
  priority: 1000,

  addOptions() {
    return { fragment: null, dedupeClauseIds: true };
  },

  addStorage() {
    return { undoManager: null };
  },

  addProseMirrorPlugins() {
    const { fragment } = this.options;
    if (!fragment) throw new Error('YCollaboration: the `fragment` option is required');
    this.storage.undoManager?.destroy();
    const undoManager = new Y.UndoManager(fragment, {
      trackedOrigins: new Set([ySyncPluginKey]),
      deleteFilter: (item) => defaultDeleteFilter(item, PROTECTED_NODES),
      captureTransaction: (tr) => tr.meta.get('addToHistory') !== false,
    });
    this.storage.undoManager = undoManager;
    const plugins = [
      ySyncPlugin(fragment),
      yUndoPlugin(undoManager),
      // After the sync plugin, whose view binds the binding to the view first.
      new Plugin({
        view: (view) => {
          const binding = ySyncPluginKey.getState(view.state)?.binding;
          if (binding) lightenSyncBinding(binding);
          return {};
        },
      }),
    ];
    // Watching starts with the view (Tiptap's `create` event fires a tick later, after remote updates may have come).
    if (this.options.dedupeClauseIds) plugins.push(new Plugin({ view: () => ({ destroy: watchClauseIds(fragment) }) }));
    return plugins;
  },

  onDestroy() {
    this.storage.undoManager?.destroy();
    this.storage.undoManager = null;
  },

  addCommands() {
    return {
      undo:
        () =>
        ({ tr, state, dispatch }) => {
          // The change comes back from Yjs through the sync plugin; the command's own transaction stays empty.
          tr.setMeta('preventDispatch', true);
          const manager = yUndoPluginKey.getState(state)?.undoManager;
          if (!manager || manager.undoStack.length === 0) return false;
          return dispatch ? undo(state) : true;
        },
      redo:
        () =>
        ({ tr, state, dispatch }) => {
          tr.setMeta('preventDispatch', true);
          const manager = yUndoPluginKey.getState(state)?.undoManager;
          if (!manager || manager.redoStack.length === 0) return false;
          return dispatch ? redo(state) : true;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-z': () => this.editor.commands.undo(),
      'Mod-Shift-z': () => this.editor.commands.redo(),
      'Mod-y': () => this.editor.commands.redo(),
    };
  },
});
