import type { NumberingScheme } from '@clausewright/model';
import { BODY_FIELD, templateExtensions } from '@clausewright/schema';
import { Extension, type Extensions } from '@tiptap/core';
import Placeholder from '@tiptap/extension-placeholder';
import { redo, undo, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { translate } from '../i18n/translate.ts';
import { uiStore } from '../state/uiStore.ts';
import { CollabCarets } from './CollabCarets.ts';
import type { CollabUser } from './CollabSession.ts';

/** What the editor's extensions are built from: one open template. */
export interface EditorExtensionContext {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  user: CollabUser;
  /** The numbering scheme in the document's meta map, read whenever labels are recomputed. */
  getScheme(): NumberingScheme;
  /** Called when clause labels change (not on plain typing): feeds the outline. */
  onLabels(labels: ReadonlyMap<string, string>): void;
}

/**
 * The editor's whole extension list, in one place so the fields/references/conditions features can add theirs.
 * Order matters only where noted.
 */
export function editorExtensions(context: EditorExtensionContext): Extensions {
  const fragment = context.ydoc.getXmlFragment(BODY_FIELD);
  return [
    // The schema every client and the server share; nothing may be dropped or the Y.Doc loses content.
    ...templateExtensions,
    InterimCollaboration.configure({ fragment }),
    // Carets read the sync plugin's state, so they come after it.
    CollabCarets.configure({ awareness: context.provider.awareness }),
    Placeholder.configure({
      // Read at decoration time, so a language switch applies on the next caret move.
      placeholder: ({ node }) =>
        node.type.name === 'clause' ? translate(uiStore.getState().lang, 'editor.placeholder') : '',
      showOnlyCurrent: true,
    }),
    // Fields, references and conditions (client/src/fields|refs|conditions) add their extensions here.
  ];
}

// Stand-in until @clausewright/schema exports YCollaboration: y-prosemirror sync plus own-changes undo.
const InterimCollaboration = Extension.create<{ fragment: Y.XmlFragment | null }>({
  name: 'interimCollaboration',
  priority: 1000,
  addOptions() {
    return { fragment: null };
  },
  addProseMirrorPlugins() {
    if (!this.options.fragment) return [];
    return [ySyncPlugin(this.options.fragment), yUndoPlugin()];
  },
  addKeyboardShortcuts() {
    return {
      'Mod-z': () => undo(this.editor.state),
      'Mod-Shift-z': () => redo(this.editor.state),
      'Mod-y': () => redo(this.editor.state),
    };
  },
});
