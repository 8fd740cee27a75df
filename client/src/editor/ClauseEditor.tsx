import type { NumberingScheme } from '@clausewright/model';
import { FIELDS_MAP } from '@clausewright/schema';
import { Editor } from '@tiptap/core';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { OutlineFeed } from '../outline/OutlineFeed.ts';
import type { CollabSession } from './CollabSession.ts';
import { editorExtensions } from './editorExtensions.ts';

/** What tests and benchmarks reach through `window.__clausewright` (DOM contract). */
export interface ClausewrightGlobals {
  editor: Editor;
  ydoc: CollabSession['ydoc'];
  provider: CollabSession['provider'];
}

declare global {
  interface Window {
    __clausewright?: ClausewrightGlobals;
  }
}

interface Props {
  session: CollabSession;
  /** The numbering scheme now; when it changes the labels are recomputed. */
  scheme: NumberingScheme;
  getScheme(): NumberingScheme;
  onEditor(editor: Editor | null): void;
}

/**
 * The TipTap editor bound to the session's Y.Doc. Created once per session; React never re-renders on a
 * transaction (the hot path): labels, carets and the outline all update outside React.
 *
 * The editor is mounted straight into its element instead of through `useEditor` + `EditorContent`: those build the
 * view detached and then install the node views, which makes ProseMirror draw a 1,000-clause document twice on open.
 * Nothing here renders React inside the document (the chips are plain DOM node views), so `EditorContent` adds nothing.
 */
export function ClauseEditor({ session, scheme, getScheme, onEditor }: Props) {
  const feed = useMemo(
    () =>
      new OutlineFeed((key) => {
        const def = session.ydoc.getMap(FIELDS_MAP).get(key) as { label?: unknown } | undefined;
        return typeof def?.label === 'string' ? def.label : undefined;
      }),
    [session],
  );
  const host = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const getSchemeRef = useRef(getScheme);
  getSchemeRef.current = getScheme;

  useLayoutEffect(() => {
    if (!host.current) return;
    const created = new Editor({
      element: host.current,
      extensions: editorExtensions({
        ydoc: session.ydoc,
        provider: session.provider,
        user: session.user,
        getScheme: () => getSchemeRef.current(),
        onLabels: (labels) => feed.labelsChanged(labels),
      }),
      editorProps: { attributes: { class: 'cw-doc', spellcheck: 'false' } },
    });
    setEditor(created);
    return () => {
      setEditor(null);
      created.destroy();
    };
  }, [session, feed]);

  useEffect(() => {
    if (!editor) return;
    feed.attach(editor);
    window.__clausewright = { editor, ydoc: session.ydoc, provider: session.provider };
    onEditor(editor);
    return () => {
      feed.detach();
      if (window.__clausewright?.editor === editor) delete window.__clausewright;
      onEditor(null);
    };
  }, [editor, feed, session, onEditor]);

  const labelledWith = useRef(scheme);
  useEffect(() => {
    // The labels plugin reads the scheme only when it recomputes; a new scheme (from anyone) needs a full relabel.
    if (!editor || labelledWith.current === scheme) return;
    labelledWith.current = scheme;
    editor.commands.relabelClauses();
  }, [editor, scheme]);

  return <div ref={host} className="cw-editor-content" />;
}
