import type { ReactElement } from 'react';
import { useState } from 'react';
import { ApiError } from '../api.ts';
import { useT } from '../i18n/useT.ts';
import { Link } from '../routing/Link.tsx';
import { useUi } from '../state/uiStore.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { ErrorNote } from './ErrorNote.tsx';
import { formatWhen } from './formatWhen.ts';
import { fetchVersionModel, fetchVersions, restoreVersion } from './historyApi.ts';
import { useLoad } from './useLoad.ts';
import { VersionDocument } from './VersionDocument.tsx';
import './history.css';

/** `/t/<id>/versions/<n>`: a published version, read-only, with the labels it had; compare it or restore it. */
export function VersionPage({ id, version }: { id: string; version: number }): ReactElement {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const model = useLoad((signal) => fetchVersionModel(id, version, signal), [id, version]);
  const versions = useLoad((signal) => fetchVersions(id, signal), [id]);
  const info = versions.data?.find((v) => v.version === version) ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const missing = model.error instanceof ApiError && model.error.status === 404;
  const when = info ? formatWhen(info.createdAt, lang) : null;

  return (
    <main className="cw-version-page" data-testid="version-page" data-version={version}>
      <div className="cw-docbar cw-version-banner" data-testid="version-banner">
        <Link
          to={{ page: 'editor', id }}
          className="cw-back"
          title={t('history.backToEditor')}
          data-testid="version-back"
        >
          ←
        </Link>
        <span className="cw-version-banner-text" title={when?.exact}>
          {info && when
            ? t('history.banner', {
                n: version,
                message: info.message,
                author: info.author ?? t('history.anonymous'),
                when: when.relative,
              })
            : `${t('history.versionN', { n: version })} (${t('history.readOnly')})`}
        </span>
        <span className="cw-spacer" />
        <Link
          to={{ page: 'diff', id, from: version, to: 'draft' }}
          className="button"
          data-testid="version-compare-draft"
        >
          {t('history.compareDraft')}
        </Link>
        <ConfirmButton
          testId="version-restore"
          question={t('history.confirmRestoreVersion', { n: version })}
          onConfirm={async () => {
            setError(null);
            setNotice(null);
            try {
              await restoreVersion(id, version);
              setNotice(t('history.restoredVersion', { n: version }));
            } catch (e) {
              setError(e);
            }
          }}
        >
          {t('history.restoreVersion')}
        </ConfirmButton>
      </div>
      <div className="cw-paper-wrap">
        {notice && (
          <p className="cw-history-notice" role="status" data-testid="history-notice">
            {notice} <Link to={{ page: 'editor', id }}>{t('history.backToEditor')}</Link>
          </p>
        )}
        <ErrorNote error={error} />
        {missing ? (
          <p className="cw-history-error" data-testid="version-missing">
            {t('history.versionMissing')}
          </p>
        ) : model.error ? (
          <ErrorNote error={model.error} />
        ) : model.data ? (
          <VersionDocument template={model.data} />
        ) : (
          <div className="cw-paper cw-paper-waiting" aria-busy="true">
            <p className="muted">{t('common.loading')}</p>
          </div>
        )}
      </div>
    </main>
  );
}
