import type { ClauseNumber, NumberingScheme } from '@clausewright/model';
import {
  BODY_FIELD,
  ClauseIds,
  ClauseKeymap,
  ClauseLabels,
  templateExtensions,
  YCollaboration,
} from '@clausewright/schema';
import type { Extensions } from '@tiptap/core';
import Placeholder from '@tiptap/extension-placeholder';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { withEditingFeatures } from '../fields/withEditingFeatures.ts';
import { ClauseHistoryButton } from '../history/ClauseHistoryButton.ts';
import { translate } from '../i18n/translate.ts';
import { uiStore } from '../state/uiStore.ts';
import { CollabCarets } from './CollabCarets.ts';
import type { CollabUser } from './CollabSession.ts';
import { DirectTextInput } from './DirectTextInput.ts';

/** What the editor's extensions are built from: one open template. */
export interface EditorExtensionContext {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  user: CollabUser;
  /** The numbering scheme in the document's meta map, read whenever labels are recomputed. */
  getScheme(): NumberingScheme;
  /** Called when clause labels change (not on plain typing): feeds the outline. */
  onLabels(labels: ReadonlyMap<string, ClauseNumber>): void;
}

/**
 * The editor's whole extension list, in one place so the fields/references/conditions features can add theirs.
 * Order matters only where noted.
 */
export function editorExtensions(context: EditorExtensionContext): Extensions {
  const fragment = context.ydoc.getXmlFragment(BODY_FIELD);
  return [
    // The schema every client and the server share; nothing may be dropped or the Y.Doc loses content. Field and
    // reference nodes get their chip views in place; `{{`/`[[` typeaheads and clause conditions are added.
    ...withEditingFeatures(templateExtensions),
    // y-prosemirror binding + own-changes undo; renames duplicate clause ids after remote changes.
    YCollaboration.configure({ fragment }),
    // Word-like Enter / Tab / Shift-Tab / Backspace on clauses, and unique ids for this editor's own changes.
    ClauseKeymap,
    ClauseIds,
    // Typed characters applied as transactions, without the browser editing the DOM first.
    DirectTextInput,
    // Live labels as `data-label` decorations (and `cw-conditional`), recomputed only when clause structure changes.
    ClauseLabels.configure({ getScheme: context.getScheme, onChange: (labels) => context.onLabels(labels) }),
    // The history button of the clause holding the cursor; the provider's room is the template id.
    ClauseHistoryButton.configure({ templateId: context.provider.roomname }),
    // Carets read the sync plugin's state, so they come after it.
    CollabCarets.configure({ awareness: context.provider.awareness }),
    Placeholder.configure({
      // Read at decoration time, so a language switch applies on the next caret move.
      placeholder: ({ node }) =>
        node.type.name === 'clause' ? translate(uiStore.getState().lang, 'editor.placeholder') : '',
      showOnlyCurrent: true,
    }),
  ];
}
