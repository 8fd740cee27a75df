import { NUMBERING_SCHEMES, type NumberingScheme } from '@clausewright/model';
import { FIELDS_MAP, META_MAP } from '@clausewright/schema';
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, fetchTemplateMeta, type TemplateMeta } from '../api.ts';
import type { TemplateRole } from '../auth/authApi.ts';
import { goToLogin } from '../auth/goToLogin.ts';
import { ShareDialog } from '../auth/ShareDialog.tsx';
import '../auth/auth.css';
import { ConnectionStatus } from '../connection/ConnectionStatus.tsx';
import { problemStore, useConnectionProblem } from '../connection/problemStore.ts';
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
import { TitleField } from './TitleField.tsx';
import { useYMapValue } from './useYMapValue.ts';

/** `/t/<id>`: opens the template for co-editing as the logged-in account (read-only for its viewers). */
export function EditorPage({ id }: { id: string }) {
  return <EditorWorkspace key={id} id={id} />;
}

function EditorWorkspace({ id }: { id: string }) {
  const t = useT();
  const name = useUi((s) => s.name);
  const [session, setSession] = useState<CollabSession | null>(null);
  const [ready, setReady] = useState(false);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [missing, setMissing] = useState(false);
  const [forbidden, setForbidden] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [meta, setMeta] = useState<TemplateMeta | null>(null);
  // The role the collab socket last announced: it follows an owner's change at once, the API's answer does not.
  const [liveRole, setLiveRole] = useState<TemplateRole | null>(null);
  const [roleNotice, setRoleNotice] = useState<TemplateRole | null>(null);
  const nameRef = useRef(name);
  const problem = useConnectionProblem();
  const role = liveRole ?? meta?.role;
  const roleRef = useRef(role);
  roleRef.current = role;
  // Until the role is known, nothing can be typed: a viewer never sees an editable page. Once the server has ended
  // the connection for good (access revoked, a refused change), edits could never be sent either.
  const readOnly = (role !== 'owner' && role !== 'editor') || problem?.permanent === true;

  useEffect(() => {
    // The websocket alone cannot tell a missing template from a slow server; the API can.
    const abort = new AbortController();
    fetchTemplateMeta(id, abort.signal).then(
      (found) => {
        setMeta(found);
        setMissing(false);
      },
      (e: unknown) => {
        setMissing(e instanceof ApiError && e.status === 404);
        setForbidden(e instanceof ApiError && e.status === 403);
      },
    );
    return () => abort.abort();
  }, [id]);

  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable === readOnly) editor.setEditable(!readOnly);
  }, [editor, readOnly]);

  useEffect(() => {
    // Demoted while sharing: the dialog goes with the button, and does not come back by itself on a promotion.
    if (role !== 'owner') setSharing(false);
  }, [role]);

  useEffect(() => {
    if (!roleNotice) return;
    const timer = setTimeout(() => setRoleNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [roleNotice]);

  useEffect(() => {
    const s = new CollabSession(id, nameRef.current, location.origin, {
      onProblem: problemStore.getState().setProblem,
      onLoggedOut: goToLogin,
      onRole: (next) => {
        // Said only for a change while the page is open, not for the role it opened with.
        if (roleRef.current && roleRef.current !== next) setRoleNotice(next);
        setLiveRole(next);
      },
    });
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
      problemStore.getState().setProblem(null);
    };
  }, [id]);

  useEffect(() => {
    nameRef.current = name;
    session?.rename(name);
  }, [name, session]);

  const jump = useCallback((clauseId: string) => editor && jumpToClause(editor, clauseId), [editor]);

  if (!session) return null;
  return (
    <div className="cw-editor-page" data-read-only={readOnly}>
      <div className="cw-docbar">
        <Link to={{ page: 'list' }} className="cw-back" title={t('nav.back')} aria-label={t('nav.back')}>
          ←
        </Link>
        {/* A disabled fieldset makes the title read-only for viewers without another prop on the field. */}
        <fieldset className="cw-title-set" disabled={readOnly} data-read-only={readOnly}>
          <TitleField ydoc={session.ydoc} />
        </fieldset>
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
        {role === 'owner' ? (
          <button type="button" data-testid="share-button" onClick={() => setSharing(true)}>
            {t('share.button')}
          </button>
        ) : null}
      </div>
      {role === 'viewer' ? (
        <div className="cw-readonly-banner" role="status" data-testid="read-only-banner">
          {t('auth.readOnly')}
        </div>
      ) : null}
      {roleNotice ? (
        <div className="cw-role-notice" role="status" data-testid="role-changed" data-role={roleNotice}>
          {t('auth.roleChanged', { role: t(`role.${roleNotice}`) })}
        </div>
      ) : null}
      {/* An owner demoted while sharing loses the dialog with the button. */}
      {sharing && meta && role === 'owner' ? (
        <ShareDialog id={id} title={meta.title} onClose={() => setSharing(false)} />
      ) : null}
      <div className="cw-workspace">
        <aside className="cw-pane cw-pane-left">
          <Outline onJump={jump} />
        </aside>
        <main className="cw-paper-wrap">
          {forbidden ? (
            <div className="cw-paper cw-paper-waiting" data-testid="no-access">
              <p>
                {t('auth.noAccess', { id })} <Link to={{ page: 'list' }}>{t('nav.back')}</Link>
              </p>
            </div>
          ) : missing ? (
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
            <HistoryPanel id={id} canEdit={!readOnly} onClose={() => setHistoryOpen(false)} />
          ) : (
            editor && (
              <fieldset className="cw-fields-set" disabled={readOnly}>
                <FieldsPanel editor={editor} fields={session.ydoc.getMap(FIELDS_MAP)} />
              </fieldset>
            )
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
