import type { SourceProblem } from '@clausewright/model';
import { type ChangeEvent, useRef, useState } from 'react';
import { ApiError, createTemplate } from '../api.ts';
import { useT } from '../i18n/useT.ts';
import { navigate } from '../routing/navigate.ts';
import { TemplateErrors } from './TemplateErrors.tsx';

type Failure = { file: string; message: string; problems: SourceProblem[] };

const isSourceProblem = (p: unknown): p is SourceProblem =>
  typeof p === 'object' && p !== null && 'line' in p && 'column' in p && 'message' in p;

/** Imports a Clause Markdown file as a new template and opens it; syntax errors are listed as file:line:column. */
export function ImportMarkdown() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      const created = await createTemplate({ markdown: await file.text() });
      navigate({ page: 'editor', id: created.id });
    } catch (err) {
      const problems = err instanceof ApiError ? (err.problems as unknown[]).filter(isSourceProblem) : [];
      // The server names the posted text generically; the person knows it by its file name.
      setFailure({
        file: file.name,
        message: (err as Error).message,
        problems: problems.map((p) => ({ ...p, file: file.name })),
      });
      setBusy(false);
    }
  };

  return (
    <section className="cw-card cw-form">
      <h2>{t('list.import')}</h2>
      <p className="muted">{t('list.importHint')}</p>
      <input
        ref={input}
        type="file"
        accept=".md,.markdown,text/markdown"
        hidden
        data-testid="import-file"
        onChange={pick}
      />
      <button type="button" data-testid="import-markdown" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? t('list.importing') : t('list.importButton')}
      </button>
      {failure ? (
        <div role="alert" className="cw-import-failure">
          <p className="values-error">
            {t('list.importFailed', { file: failure.file })} {failure.message}
          </p>
          {failure.problems.length > 0 ? <TemplateErrors errors={failure.problems} /> : null}
        </div>
      ) : null}
    </section>
  );
}
