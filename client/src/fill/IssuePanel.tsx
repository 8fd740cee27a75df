import type { Problem, Values } from '@clausewright/model';
import { type ReactNode, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { Link } from '../routing/Link.tsx';
import { type DocumentFormat, type FillVersion, issueDocument, problemsOf, type RenderedFile } from './fillApi.ts';
import { saveFile } from './saveFile.ts';

const FORMATS: readonly DocumentFormat[] = ['docx', 'txt', 'html'];

interface Props {
  id: string;
  version: FillVersion;
  values: Values;
  /** A strict render refused these values: the page shows every problem beside its input. */
  onRefused(problems: Problem[], values: Values): void;
  /** The list of problems, shown under the buttons. */
  children?: ReactNode;
}

type State =
  | { state: 'idle' }
  | { state: 'busy'; format: DocumentFormat }
  | { state: 'issued'; file: RenderedFile }
  | { state: 'refused'; count: number }
  | { state: 'failed'; message: string };

/** Issues the document: the server renders the chosen version strictly, logs it, and the browser saves the file. */
export function IssuePanel({ id, version, values, onRefused, children }: Props) {
  const t = useT();
  const [status, setStatus] = useState<State>({ state: 'idle' });
  const busy = status.state === 'busy';

  const issue = async (format: DocumentFormat) => {
    setStatus({ state: 'busy', format });
    try {
      const file = await issueDocument(id, { version, values, format });
      saveFile(file.blob, file.filename);
      setStatus({ state: 'issued', file });
    } catch (e) {
      const problems = problemsOf(e);
      if (problems.length > 0) {
        onRefused(problems, values);
        setStatus({ state: 'refused', count: problems.length });
      } else setStatus({ state: 'failed', message: (e as Error).message });
    }
  };

  return (
    <section className="cw-fill-card cw-fill-issue" data-testid="fill-issue" data-state={status.state}>
      <h2>{t('fill.issue')}</h2>
      <p className="muted">{t('fill.issueHint')}</p>
      <div className="actions">
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className={format === 'docx' ? 'primary' : undefined}
            disabled={busy}
            data-testid={`fill-issue-${format}`}
            onClick={() => void issue(format)}
          >
            {t('fill.issueAs', { format })}
          </button>
        ))}
      </div>
      <div aria-live="polite">
        {status.state === 'busy' ? (
          <p className="cw-fill-progress" data-testid="fill-issue-progress">
            <progress />
            {t('fill.issuing', { format: status.format })}
          </p>
        ) : status.state === 'issued' ? (
          <p className="cw-fill-issued" data-testid="fill-issued" data-document-id={status.file.documentId ?? ''}>
            {t('fill.issued', { filename: status.file.filename })}
            {status.file.sha256 ? (
              <code title={status.file.sha256}> {t('fill.issuedSha', { sha: status.file.sha256.slice(0, 12) })}</code>
            ) : null}{' '}
            <Link to={{ page: 'documents' }} data-testid="fill-to-documents">
              {t('fill.toDocuments')} →
            </Link>
          </p>
        ) : status.state === 'refused' ? (
          <p className="cw-fill-error" role="alert" data-testid="fill-issue-refused">
            {t('fill.issueRefused', { n: status.count })}
          </p>
        ) : status.state === 'failed' ? (
          <p className="cw-fill-error" role="alert" data-testid="fill-issue-error">
            {t('fill.issueFailed')} {status.message}
          </p>
        ) : null}
      </div>
      {children}
    </section>
  );
}
