import { useEffect, useState } from 'react';
import { fetchTemplates, type TemplateListItem } from '../api.ts';
import { useT } from '../i18n/useT.ts';
import { Link } from '../routing/Link.tsx';
import { useUi } from '../state/uiStore.ts';
import { type DocumentRecord, downloadDocument, fetchDocuments } from './fillApi.ts';
import { formatBytes } from './formatBytes.ts';
import { saveFile } from './saveFile.ts';
import { sha256Hex } from './sha256Hex.ts';
import './fill.css';

type Log =
  | { state: 'loading' }
  | { state: 'ready'; documents: DocumentRecord[] }
  | { state: 'failed'; message: string };

/** `/documents`: every issued document, newest first, each downloadable again byte for byte. */
export function DocumentsPage() {
  const t = useT();
  const [template, setTemplate] = useState('');
  const [templates, setTemplates] = useState<TemplateListItem[]>([]);
  const [log, setLog] = useState<Log>({ state: 'loading' });

  useEffect(() => {
    document.title = `${t('documents.title')} · Clausewright`;
  }, [t]);

  useEffect(() => {
    const abort = new AbortController();
    // Only the filter's choices; the log works without them.
    fetchTemplates(abort.signal).then(setTemplates, () => setTemplates([]));
    return () => abort.abort();
  }, []);

  useEffect(() => {
    const abort = new AbortController();
    setLog({ state: 'loading' });
    fetchDocuments(template || undefined, abort.signal).then(
      (documents) => setLog({ state: 'ready', documents }),
      (e: Error) => {
        if (!abort.signal.aborted) setLog({ state: 'failed', message: e.message });
      },
    );
    return () => abort.abort();
  }, [template]);

  return (
    <main className="cw-page cw-documents" data-testid="documents-page" data-state={log.state}>
      <h1>{t('documents.title')}</h1>
      <p className="muted">{t('documents.intro')}</p>
      <div className="cw-documents-filter">
        <label htmlFor="documents-template">{t('documents.filter')}</label>
        <select
          id="documents-template"
          data-testid="documents-filter"
          value={template}
          onChange={(e) => setTemplate(e.target.value)}
        >
          <option value="">{t('documents.all')}</option>
          {templates.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.title}
            </option>
          ))}
        </select>
      </div>
      {log.state === 'loading' ? (
        <p className="muted">{t('common.loading')}</p>
      ) : log.state === 'failed' ? (
        <p className="cw-fill-error" role="alert">
          {t('documents.loadFailed')} {log.message}
        </p>
      ) : log.documents.length === 0 ? (
        <p className="muted" data-testid="documents-empty">
          {t('documents.empty')}
        </p>
      ) : (
        <table className="cw-documents-table" data-testid="documents-table">
          <thead>
            <tr>
              <th>{t('documents.template')}</th>
              <th>{t('documents.version')}</th>
              <th>{t('documents.format')}</th>
              <th>{t('documents.by')}</th>
              <th>{t('documents.when')}</th>
              <th>{t('documents.sha')}</th>
              <th>{t('documents.size')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {log.documents.map((doc) => (
              <DocumentRow key={doc.id} doc={doc} />
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

type Download =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'done'; same: boolean | null }
  | { state: 'failed'; message: string };

function DocumentRow({ doc }: { doc: DocumentRecord }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [download, setDownload] = useState<Download>({ state: 'idle' });

  const again = async () => {
    setDownload({ state: 'busy' });
    try {
      const file = await downloadDocument(doc);
      saveFile(file.blob, file.filename);
      // The log promises the same bytes as the first time: check it here rather than trust it.
      const hash = await sha256Hex(file.blob);
      setDownload({ state: 'done', same: hash === null ? null : hash === doc.sha256 });
    } catch (e) {
      setDownload({ state: 'failed', message: (e as Error).message });
    }
  };

  return (
    <tr data-testid="document-row" data-document-id={doc.id} data-template={doc.templateId}>
      <td>
        <span className="cw-documents-title">{doc.templateTitle}</span>{' '}
        <Link className="cw-documents-fill" to={{ page: 'fill', id: doc.templateId }}>
          {t('documents.fill')}
        </Link>
      </td>
      <td>
        {doc.version === 'draft' ? (
          <span className="cw-fill-badge">{t('documents.draft')}</span>
        ) : (
          t('fill.setVersion', { n: doc.version })
        )}
      </td>
      <td>
        <code>.{doc.format}</code>
      </td>
      <td>{doc.by ?? <span className="muted">{t('documents.anonymous')}</span>}</td>
      <td>
        <time dateTime={doc.createdAt}>{new Date(doc.createdAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}</time>
      </td>
      <td>
        <code title={doc.sha256}>{doc.sha256.slice(0, 12)}</code>
      </td>
      <td>{formatBytes(doc.bytes)}</td>
      <td className="cw-documents-actions">
        <button
          type="button"
          disabled={download.state === 'busy'}
          data-testid="document-download"
          onClick={() => void again()}
        >
          {download.state === 'busy' ? t('documents.downloading') : t('documents.download')}
        </button>
        {download.state === 'done' && download.same !== null ? (
          <span
            className={download.same ? 'cw-documents-same' : 'cw-fill-error'}
            data-testid="document-verified"
            data-same={download.same}
          >
            {download.same ? t('documents.same') : t('documents.differs')}
          </span>
        ) : download.state === 'failed' ? (
          <span className="cw-fill-error" role="alert">
            {t('documents.downloadFailed')} {download.message}
          </span>
        ) : null}
      </td>
    </tr>
  );
}
