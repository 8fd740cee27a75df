import { FIELDS_MAP } from '@clausewright/schema';
import type { EditorState } from '@tiptap/pm/state';
import { ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';

/**
 * The `fields` map of the Y.Doc an editor is bound to, found through the Yjs sync plugin's state so the extensions
 * need no wiring beyond being in the list; null when the editor is not collaborative.
 */
export function fieldsMapOf(state: EditorState): Y.Map<unknown> | null {
  const sync = docOf(ySyncPluginKey.getState(state));
  if (sync) return sync.getMap(FIELDS_MAP);
  // A sync plugin under another key (e.g. TipTap's copy of the binding): any plugin state holding a Y.Doc.
  for (const plugin of state.plugins) {
    const doc = docOf(plugin.getState(state));
    if (doc) return doc.getMap(FIELDS_MAP);
  }
  return null;
}

// Duck-typed so a second bundled copy of yjs cannot make `instanceof` miss the document.
function docOf(value: unknown): Y.Doc | null {
  const doc = (value as { doc?: unknown } | null | undefined)?.doc as Y.Doc | undefined;
  return doc && typeof doc.getMap === 'function' && typeof doc.transact === 'function' ? doc : null;
}
