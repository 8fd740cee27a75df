import { NUMBERING_SCHEMES, type NumberingScheme } from '@clausewright/model';
import { FIELDS_MAP, META_MAP } from '@clausewright/schema';
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, fetchTemplateMeta } from '../api.ts';
import { ConnectionStatus } from '../connection/ConnectionStatus.tsx';
import { watchConnection } from '../connection/watchConnection.ts';
import { FieldsPanel } from '../fields/FieldsPanel.tsx';
import { HistoryPanel } from '../history/HistoryPanel.tsx';
import { useT } from '../i18n/useT.ts';
import { Outline } from '../outline/Outline.tsx';
import { clearOutline } from '../outline/outlineStore.ts';
import { Link } from '../routing/Link.tsx';
import { INITIAL_CONNECTION, uiStore, useUi } from '../state/uiStore.ts';
import { ClauseEditor } from './ClauseEditor.tsx';
import { CollabSession } from './CollabSession.ts';
import { jumpToClause } from './jumpToClause.ts';
import { NameDialog } from './NameDialog.tsx';
import { TitleField } from './TitleField.tsx';
import { useYMapValue } from './useYMapValue.ts';

/** `/t/<id>`: asks for a display name once, then opens the template for co-editing. */
export function EditorPage({ id }: { id: string }) {
  const name = useUi((s) => s.name);
  if (!name) return <NameDialog onSubmit={(n) => uiStore.getState().setName(n)} />;
  return <EditorWorkspace key={id} id={id} />;
}

function EditorWorkspace({ id }: { id: string }) {
  const t = useT();
  const name = useUi((s) => s.name);
  const [session, setSession] = useState<CollabSession | null>(null);
  const [ready, setReady] = useState(false);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [missing, setMissing] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const nameRef = useRef(name);

  useEffect(() => {
    // The websocket alone cannot tell a missing template from a slow server; the API can.
    const abort = new AbortController();
    fetchTemplateMeta(id, abort.signal).then(
      () => setMissing(false),
      (e: unknown) => setMissing(e instanceof ApiError && e.status === 404),
    );
    return () => abort.abort();
  }, [id]);

  useEffect(() => {
    const s = new CollabSession(id, nameRef.current, location.origin);
    const stopWatching = watchConnection(
      s.ydoc,
      s.provider,
      (connection) => uiStore.getState().setConnection(connection),
      [s.persistence],
    );
    setSession(s);
    setReady(false);
    s.ready.then(() => {
      if (!s.destroyed) setReady(true);
    });
    return () => {
      stopWatching();
      s.destroy();
      clearOutline();
      uiStore.getState().setConnection(INITIAL_CONNECTION);
    };
  }, [id]);

  useEffect(() => {
    nameRef.current = name;
    session?.rename(name);
  }, [name, session]);

  const jump = useCallback((clauseId: string) => editor && jumpToClause(editor, clauseId), [editor]);

  if (!session) return null;
  return (
    <div className="cw-editor-page">
      <div className="cw-docbar">
        <Link to={{ page: 'list' }} className="cw-back" title={t('nav.back')} aria-label={t('nav.back')}>
          ←
        </Link>
        <TitleField ydoc={session.ydoc} />
        <ConnectionStatus />
        <button
          type="button"
          aria-pressed={historyOpen}
          title={t('history.buttonTitle')}
          onClick={() => setHistoryOpen((open) => !open)}
          data-testid="history-toggle"
        >
          {t('history.button')}
        </button>
        <Link to={{ page: 'fill', id }} className="button" data-testid="fill-link">
          {t('nav.preview')}
        </Link>
      </div>
      <div className="cw-workspace">
        <aside className="cw-pane cw-pane-left">
          <Outline onJump={jump} />
        </aside>
        <main className="cw-paper-wrap">
          {missing ? (
            <div className="cw-paper cw-paper-waiting" data-testid="not-found">
              <p>
                {t('editor.notFound', { id })} <Link to={{ page: 'list' }}>{t('nav.back')}</Link>
              </p>
            </div>
          ) : ready ? (
            <DocumentPaper session={session} onEditor={setEditor} />
          ) : (
            <div className="cw-paper cw-paper-waiting" aria-busy="true">
              <p className="muted">{t('editor.waiting')}</p>
            </div>
          )}
          <p className="cw-keys muted">{t('editor.keys')}</p>
        </main>
        <aside className="cw-pane cw-pane-right">
          {historyOpen ? (
            <HistoryPanel id={id} onClose={() => setHistoryOpen(false)} />
          ) : (
            editor && <FieldsPanel editor={editor} fields={session.ydoc.getMap(FIELDS_MAP)} />
          )}
        </aside>
      </div>
    </div>
  );
}

/** The sheet of paper the clauses are written on; its numbering scheme sets the width of the label gutter. */
function DocumentPaper({ session, onEditor }: { session: CollabSession; onEditor(editor: Editor | null): void }) {
  const t = useT();
  const meta = session.ydoc.getMap<unknown>(META_MAP);
  const numbering = useYMapValue<string>(meta, 'numbering');
  const scheme = NUMBERING_SCHEMES.find((s) => s === numbering) ?? 'zh-article';
  const getScheme = useCallback((): NumberingScheme => {
    const value = meta.get('numbering');
    return NUMBERING_SCHEMES.find((s) => s === value) ?? 'zh-article';
  }, [meta]);

  return (
    <div
      className="cw-paper"
      data-testid="editor"
      data-numbering={scheme}
      style={
        {
          '--cw-if-word': JSON.stringify(`${t('editor.if')} `),
          '--cw-unless-word': JSON.stringify(`${t('editor.unless')} `),
        } as React.CSSProperties
      }
    >
      <ClauseEditor session={session} scheme={scheme} getScheme={getScheme} onEditor={onEditor} />
    </div>
  );
}
