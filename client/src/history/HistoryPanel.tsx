import { type FormEvent, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { Link } from '../routing/Link.tsx';
import { navigate } from '../routing/navigate.ts';
import type { DiffSide } from '../routing/parseRoute.ts';
import { useUi } from '../state/uiStore.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { ErrorNote } from './ErrorNote.tsx';
import { fetchVersions, publishVersion, restoreVersion, type VersionInfo } from './historyApi.ts';
import { SidePicker } from './SidePicker.tsx';
import { useLoad } from './useLoad.ts';
import { When } from './When.tsx';
import './history.css';

/**
 * The editor's history side panel: publish the draft as a version (signed with the display name), the versions
 * newest first with open / compare / restore, and a picker to compare any two.
 */
export function HistoryPanel({ id, canEdit = true, onClose }: { id: string; canEdit?: boolean; onClose(): void }) {
  const t = useT();
  const versions = useLoad((signal) => fetchVersions(id, signal), [id]);
  const list = versions.data ?? [];
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const act = async (action: () => Promise<string>) => {
    setError(null);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="cw-history-panel" data-testid="history-panel" aria-label={t('history.title')}>
      <header className="cw-history-head">
        <h2>{t('history.title')}</h2>
        <span className="actions">
          {/* Others publish too: the list is read when the panel opens and on demand. */}
          <button
            type="button"
            className="cw-small"
            onClick={versions.reload}
            disabled={versions.loading}
            data-testid="history-refresh"
          >
            {t('history.refresh')}
          </button>
          <button type="button" className="cw-small" onClick={onClose} data-testid="history-close">
            {t('history.close')}
          </button>
        </span>
      </header>
      {/* Viewers read the history; publishing and restoring change the template. */}
      {canEdit && (
        <PublishForm
          id={id}
          onPublished={(v) => {
            setError(null);
            setNotice(t('history.published', { n: v.version }));
            versions.reload();
          }}
        />
      )}
      {notice && (
        <p className="cw-history-notice" role="status" data-testid="history-notice">
          {notice}
        </p>
      )}
      <ErrorNote error={error} />
      {versions.error ? (
        <ErrorNote error={versions.error} prefix={t('history.loadFailed')} />
      ) : versions.data === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : list.length === 0 ? (
        <p className="muted" data-testid="history-empty">
          {t('history.empty')}
        </p>
      ) : (
        <ol className="cw-version-list" data-testid="version-list" aria-busy={versions.loading}>
          {list.map((v, i) => (
            <VersionItem
              key={v.version}
              id={id}
              info={v}
              previous={list[i + 1]?.version ?? null}
              canEdit={canEdit}
              onRestore={() =>
                act(async () => {
                  await restoreVersion(id, v.version);
                  return t('history.restoredVersion', { n: v.version });
                })
              }
            />
          ))}
        </ol>
      )}
      {list.length > 0 && <CompareAny id={id} versions={list} />}
    </section>
  );
}

function PublishForm({ id, onPublished }: { id: string; onPublished(v: VersionInfo): void }) {
  const t = useT();
  const name = useUi((s) => s.name);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!message.trim()) {
      setError(new Error(t('history.messageRequired')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const version = await publishVersion(id, message.trim());
      setMessage('');
      onPublished(version);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="cw-publish" onSubmit={submit} data-testid="publish-form">
      <label htmlFor="cw-publish-message">{t('history.publishTitle')}</label>
      <input
        id="cw-publish-message"
        data-testid="publish-message"
        value={message}
        required
        maxLength={500}
        placeholder={t('history.messagePlaceholder')}
        aria-label={t('history.message')}
        onChange={(e) => setMessage(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="publish-button">
          {busy ? t('history.publishing') : t('history.publish')}
        </button>
        <span className="muted cw-publish-as">{t('history.publishAs', { name })}</span>
      </div>
      <ErrorNote error={error} />
    </form>
  );
}

interface VersionItemProps {
  id: string;
  info: VersionInfo;
  previous: number | null;
  canEdit: boolean;
  onRestore(): Promise<void>;
}

function VersionItem({ id, info, previous, canEdit, onRestore }: VersionItemProps) {
  const t = useT();
  const n = info.version;
  return (
    <li className="cw-version-item" data-testid="version-item" data-version={n}>
      <div className="cw-version-line">
        <strong>{t('history.versionN', { n })}</strong>
        <When iso={info.createdAt} />
      </div>
      <div className="cw-version-message">{info.message}</div>
      <div className="muted cw-version-author">{info.author ?? t('history.anonymous')}</div>
      <div className="cw-version-actions">
        <Link to={{ page: 'version', id, version: n }} data-testid="version-open">
          {t('history.open')}
        </Link>
        <Link to={{ page: 'diff', id, from: n, to: 'draft' }} data-testid="version-compare-draft">
          {t('history.compareDraft')}
        </Link>
        {previous !== null && (
          <Link to={{ page: 'diff', id, from: previous, to: n }} data-testid="version-compare-previous">
            {t('history.comparePrevious')}
          </Link>
        )}
        {canEdit && (
          <ConfirmButton
            testId="version-restore"
            className="cw-link-button"
            question={t('history.confirmRestoreVersion', { n })}
            onConfirm={onRestore}
          >
            {t('history.restoreVersion')}
          </ConfirmButton>
        )}
      </div>
    </li>
  );
}

function CompareAny({ id, versions }: { id: string; versions: readonly VersionInfo[] }) {
  const t = useT();
  const [from, setFrom] = useState<DiffSide>(versions[0]?.version ?? 'draft');
  const [to, setTo] = useState<DiffSide>('draft');
  return (
    <form
      className="cw-compare-any"
      data-testid="compare-any"
      onSubmit={(e) => {
        e.preventDefault();
        navigate({ page: 'diff', id, from, to });
      }}
    >
      <h3>{t('history.compareAny')}</h3>
      <SidePicker label={t('history.from')} value={from} versions={versions} onChange={setFrom} testId="compare-from" />
      <SidePicker label={t('history.to')} value={to} versions={versions} onChange={setTo} testId="compare-to" />
      <button type="submit" data-testid="compare-go">
        {t('history.compare')}
      </button>
    </form>
  );
}
