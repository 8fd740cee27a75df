import type { Problem, Template } from '@clausewright/model';
import { useEffect, useState } from 'react';
import {
  checkValues,
  type Format,
  fetchSampleValues,
  fetchTemplate,
  renderPreview,
  type TemplateSummary,
} from './api.ts';
import { Bilingual } from './Bilingual.tsx';
import { DownloadButton } from './DownloadButton.tsx';
import { ProblemList } from './ProblemList.tsx';
import { TemplateErrors } from './TemplateErrors.tsx';
import { ValuesEditor } from './ValuesEditor.tsx';

interface Props {
  summary: TemplateSummary;
  formats: readonly Format[];
}

type Preview =
  | { state: 'loading' }
  | { state: 'ready'; html: string; problems: Problem[] }
  | { state: 'failed'; message: string };

/** One template: its draft preview rendered by the server, the values that fill it and the downloads. */
export function TemplatePreview({ summary, formats }: Props) {
  const { id } = summary;
  const [template, setTemplate] = useState<Template | null>(null);
  const [sample, setSample] = useState<Record<string, unknown> | null>(null);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [preview, setPreview] = useState<Preview>({ state: 'loading' });
  const [busy, setBusy] = useState(true);
  const broken = summary.errors !== undefined;

  useEffect(() => {
    if (broken) return;
    const abort = new AbortController();
    // Both only enrich the side panel; the preview works without them.
    fetchTemplate(id, abort.signal).then(setTemplate, () => setTemplate(null));
    fetchSampleValues(id, abort.signal).then(setSample, () => setSample(null));
    return () => abort.abort();
  }, [id, broken]);

  useEffect(() => {
    if (broken) return;
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
  }, [id, values, broken]);

  if (summary.errors) {
    return (
      <section className="preview">
        <h2>{summary.title}</h2>
        <p>
          <Bilingual zh="此模板有错误，无法预览：" en="This template has errors and cannot be previewed:" />
        </p>
        <TemplateErrors errors={summary.errors} />
      </section>
    );
  }

  return (
    <div className="workspace">
      {/* React 19 hoists this into <head>; the server owns the document stylesheet. */}
      <link rel="stylesheet" href="/api/preview.css" precedence="default" />
      <section className={`preview${busy ? ' busy' : ''}`} aria-busy={busy}>
        {preview.state === 'failed' ? (
          <p className="values-error" role="alert">
            <Bilingual zh="预览失败：" en="Preview failed:" /> {preview.message}
          </p>
        ) : preview.state === 'ready' ? (
          // The fragment comes from our own renderer, which escapes every value and text run.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: trusted server-rendered HTML
          <div className="paper" dangerouslySetInnerHTML={{ __html: preview.html }} />
        ) : (
          <p className="muted">
            <Bilingual zh="正在生成…" en="Rendering…" />
          </p>
        )}
      </section>
      <aside className="side">
        <header className="side-head">
          <h2>{summary.title}</h2>
          <p className="muted">
            {summary.locale} · {summary.numbering} · <Bilingual zh={`${summary.clauses} 条款`} en="clauses" />
            {template ? (
              <>
                {' '}
                · <Bilingual zh={`${Object.keys(template.fields).length} 字段`} en="fields" />
              </>
            ) : null}
          </p>
          <div className="actions">
            {formats
              .filter((f) => f !== 'html')
              .map((f) => (
                <DownloadButton key={f} id={id} format={f} values={values} />
              ))}
          </div>
        </header>
        <ValuesEditor fields={template?.fields ?? null} sample={sample} onApply={setValues} />
        {preview.state === 'ready' ? <ProblemList problems={preview.problems} /> : null}
      </aside>
    </div>
  );
}
