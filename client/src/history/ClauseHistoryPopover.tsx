import { useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { Link } from '../routing/Link.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { clauseChangeRoute } from './clauseChangeRoute.ts';
import { ErrorNote } from './ErrorNote.tsx';
import { fetchClauseHistory, fetchVersions, restoreClause } from './historyApi.ts';
import { useLoad } from './useLoad.ts';
import { When } from './When.tsx';

// The server's own writes are recorded under these names (see server/src/history/clauseHistory.ts).
type MachineAuthor = 'create' | 'server' | 'restore';
const MACHINE_AUTHORS: ReadonlySet<string> = new Set<MachineAuthor>(['create', 'server', 'restore']);

interface ClauseHistoryPopoverProps {
  templateId: string;
  clauseId: string;
  /** The clause's label in the draft now. */
  label: string;
  /** Called when a link leaves the editor, so the popover closes. */
  onNavigate(): void;
  /** False in a read-only editor (a viewer's): no restore buttons. @default true */
  canRestore?: boolean;
}

/** A clause's history: newest change first, each linking to its diff, with "restore from version N"; then who edited it. */
export function ClauseHistoryPopover({
  templateId,
  clauseId,
  label,
  onNavigate,
  canRestore = true,
}: ClauseHistoryPopoverProps) {
  const t = useT();
  const history = useLoad((signal) => fetchClauseHistory(templateId, clauseId, signal), [templateId, clauseId]);
  const versions = useLoad((signal) => fetchVersions(templateId, signal), [templateId]);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const numbers = (versions.data ?? []).map((v) => v.version);
  const data = history.data;

  return (
    <div className="cw-clause-history" data-testid="clause-history" data-clause={clauseId}>
      <div className="cw-menu-title">{t('history.clauseHistory', { label: label || clauseId })}</div>
      {notice && (
        <p className="cw-history-notice" role="status" data-testid="history-notice">
          {notice}
        </p>
      )}
      <ErrorNote error={error} />
      {history.error ? (
        <ErrorNote error={history.error} />
      ) : !data ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          {data.changes.length === 0 ? (
            <p className="muted">{t('history.clauseNoChanges')}</p>
          ) : (
            <ol className="cw-clause-changes">
              {[...data.changes].reverse().map((change) => {
                const route = clauseChangeRoute(templateId, change, data, numbers);
                const n = change.version;
                return (
                  <li key={String(n)} data-testid="clause-history-entry" data-version={n} data-status={change.status}>
                    <div className="cw-version-line">
                      <strong>{n === 'draft' ? t('history.draftChange') : t('history.versionN', { n })}</strong>
                      <span className={`cw-badge cw-badge-${change.status}`}>
                        {t(`history.status.${change.status}`)}
                      </span>
                      {change.oldLabel && change.newLabel && change.oldLabel !== change.newLabel && (
                        <span className="cw-diff-label">
                          {t('history.labelChange', { old: change.oldLabel, new: change.newLabel })}
                        </span>
                      )}
                    </div>
                    {n !== 'draft' && (
                      <div className="muted">
                        {change.message} — {change.author ?? t('history.anonymous')} — <When iso={change.createdAt} />
                      </div>
                    )}
                    <div className="cw-version-actions">
                      {route && (
                        <Link to={route} onClick={onNavigate} data-testid="clause-history-diff">
                          {t('history.showDiff')}
                        </Link>
                      )}
                      {canRestore && typeof n === 'number' && change.status !== 'removed' && (
                        <ConfirmButton
                          testId="clause-history-restore"
                          className="cw-link-button"
                          question={t('history.confirmRestoreClause', { n })}
                          onConfirm={async () => {
                            setError(null);
                            setNotice(null);
                            try {
                              await restoreClause(templateId, clauseId, n);
                              setNotice(t('history.restoredClause', { n, label: label || clauseId }));
                              history.reload();
                            } catch (e) {
                              setError(e);
                            }
                          }}
                        >
                          {t('history.restoreFrom', { n })}
                        </ConfirmButton>
                      )}
                    </div>
                  </li>
                );
              })}
            </ol>
          )}
          <Editors since={data.since} />
        </>
      )}
    </div>
  );
}

function Editors({ since }: { since: { version: number | null; editors: { author: string; lastAt: string }[] } }) {
  const t = useT();
  if (since.editors.length === 0) {
    return (
      <p className="muted" data-testid="clause-editors">
        {since.version === null ? t('history.noEditors') : t('history.noEditorsSince', { n: since.version })}
      </p>
    );
  }
  return (
    <div className="cw-clause-editors" data-testid="clause-editors">
      <div className="cw-menu-title">
        {since.version === null ? t('history.editorsNoVersion') : t('history.editorsSince', { n: since.version })}
      </div>
      <ul>
        {since.editors.map((e) => (
          <li key={e.author}>
            {MACHINE_AUTHORS.has(e.author) ? t(`history.author.${e.author as MachineAuthor}`) : e.author} —{' '}
            <When iso={e.lastAt} />
          </li>
        ))}
      </ul>
    </div>
  );
}
