import { eachBodyClause, type Problem, type Template } from '@clausewright/model';
import { useEffect, useState } from 'react';
import { checkValues, type Format, fetchFormats, fetchSampleValues, fetchTemplate, renderPreview } from '../api.ts';
import { useT } from '../i18n/useT.ts';
import { Link } from '../routing/Link.tsx';
import { DownloadButton } from './DownloadButton.tsx';
import { ProblemList } from './ProblemList.tsx';
import { ValuesEditor } from './ValuesEditor.tsx';

type Preview =
  | { state: 'loading' }
  | { state: 'ready'; html: string; problems: Problem[] }
  | { state: 'failed'; message: string };

/** `/t/<id>/preview`: the live draft rendered by the server, the values that fill it, and the downloads. */
export function PreviewPage({ id }: { id: string }) {
  const t = useT();
  const [template, setTemplate] = useState<Template | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [formats, setFormats] = useState<Format[]>([]);
  const [sample, setSample] = useState<Record<string, unknown> | null>(null);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [preview, setPreview] = useState<Preview>({ state: 'loading' });
  const [busy, setBusy] = useState(true);

  useEffect(() => {
    const abort = new AbortController();
    fetchTemplate(id, abort.signal).then(setTemplate, (e: Error) => {
      if (!abort.signal.aborted) setLoadError(e.message);
    });
    // These only enrich the side panel; the preview works without them.
    fetchSampleValues(id, abort.signal).then(setSample, () => setSample(null));
    fetchFormats(abort.signal).then(setFormats, () => setFormats([]));
    return () => abort.abort();
  }, [id]);

  useEffect(() => {
    if (template) document.title = `${template.meta.title} · ${t('preview.title')} · Clausewright`;
  }, [template, t]);

  useEffect(() => {
    const abort = new AbortController();
    // The previous preview stays on screen until the new one arrives.
    setBusy(true);
    Promise.all([renderPreview(id, values, abort.signal), checkValues(id, values, abort.signal)])
      .then(
        ([html, problems]) => setPreview({ state: 'ready', html, problems }),
        (e: Error) => {
          if (!abort.signal.aborted) setPreview({ state: 'failed', message: e.message });
        },
      )
      .finally(() => {
        if (!abort.signal.aborted) setBusy(false);
      });
    return () => abort.abort();
  }, [id, values]);

  const clauses = template ? [...eachBodyClause(template.body)].length : 0;

  return (
    <div className="cw-page cw-preview-page">
      {/* React 19 hoists this into <head>; the server owns the document stylesheet. */}
      <link rel="stylesheet" href="/api/preview.css" precedence="default" />
      <div className="workspace">
        <section className={`preview${busy ? ' busy' : ''}`} aria-busy={busy}>
          {preview.state === 'failed' ? (
            <p className="values-error" role="alert">
              {t('preview.failed')} {preview.message}
            </p>
          ) : preview.state === 'ready' ? (
            // The fragment comes from our own renderer, which escapes every value and text run.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: trusted server-rendered HTML
            <div className="paper" dangerouslySetInnerHTML={{ __html: preview.html }} />
          ) : (
            <p className="muted">{t('preview.rendering')}</p>
          )}
        </section>
        <aside className="side">
          <header className="side-head">
            <p className="cw-crumbs">
              <Link to={{ page: 'editor', id }}>← {t('nav.editor')}</Link>
            </p>
            <h2>{template?.meta.title ?? id}</h2>
            {loadError ? (
              <p className="values-error" role="alert">
                {loadError}
              </p>
            ) : template ? (
              <p className="muted">
                {t(`locale.${template.meta.locale}`)} · {t(`numbering.${template.meta.numbering}`)} ·{' '}
                {t('preview.clauses', { n: clauses })} ·{' '}
                {t('preview.fields', { n: Object.keys(template.fields).length })}
              </p>
            ) : null}
            <div className="actions">
              {formats
                .filter((f) => f !== 'html')
                .map((f) => (
                  <DownloadButton key={f} id={id} format={f} values={values} />
                ))}
              <a className="button" href={`/api/templates/${encodeURIComponent(id)}/export`} download={`${id}.md`}>
                {t('preview.export')}
              </a>
            </div>
          </header>
          <ValuesEditor fields={template?.fields ?? null} sample={sample} onApply={setValues} />
          {preview.state === 'ready' ? <ProblemList problems={preview.problems} /> : null}
        </aside>
      </div>
    </div>
  );
}
