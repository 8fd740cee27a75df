import type { NumberingScheme } from '@clausewright/model';
import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo, useRef } from 'react';
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
 * The TipTap editor bound to the session's Y.Doc. Created once per session; it never re-renders React on a
 * transaction (the hot path): labels, carets and the outline all update outside React.
 */
export function ClauseEditor({ session, scheme, getScheme, onEditor }: Props) {
  const feed = useMemo(() => new OutlineFeed(), []);
  const editor = useEditor(
    {
      extensions: editorExtensions({
        ydoc: session.ydoc,
        provider: session.provider,
        user: session.user,
        getScheme,
        onLabels: (labels) => feed.labelsChanged(labels),
      }),
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: { attributes: { class: 'cw-doc', spellcheck: 'false' } },
    },
    [session],
  );

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

  return <EditorContent editor={editor} className="cw-editor-content" />;
}
