import { useEffect, useState } from 'react';
import { fetchTemplates, type TemplateListItem, templatePath } from '../api.ts';
import { useT } from '../i18n/useT.ts';
import { Link } from '../routing/Link.tsx';
import { useUi } from '../state/uiStore.ts';
import { formatUpdatedAt } from './formatUpdatedAt.ts';
import { ImportMarkdown } from './ImportMarkdown.tsx';
import { NewTemplateForm } from './NewTemplateForm.tsx';

type Library =
  | { state: 'loading' }
  | { state: 'ready'; templates: TemplateListItem[] }
  | { state: 'failed'; message: string };

/** `/`: every template draft (title, last change, open), a form for a new one and Clause Markdown import. */
export function TemplateListPage() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [library, setLibrary] = useState<Library>({ state: 'loading' });

  useEffect(() => {
    document.title = `${t('list.title')} · Clausewright`;
  }, [t]);

  useEffect(() => {
    const abort = new AbortController();
    fetchTemplates(abort.signal).then(
      (templates) => {
        // Most recently changed first.
        setLibrary({
          state: 'ready',
          templates: [...templates].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
        });
      },
      (e: Error) => {
        if (!abort.signal.aborted) setLibrary({ state: 'failed', message: e.message });
      },
    );
    return () => abort.abort();
  }, []);

  return (
    <main className="cw-page cw-list-page">
      <section className="cw-library">
        <h1>{t('list.title')}</h1>
        {library.state === 'loading' ? (
          <p className="muted">{t('common.loading')}</p>
        ) : library.state === 'failed' ? (
          <p className="values-error" role="alert">
            {t('common.unreachable', { message: library.message })}
          </p>
        ) : library.templates.length === 0 ? (
          <p className="muted" data-testid="template-list">
            {t('list.empty')}
          </p>
        ) : (
          <ul className="cw-template-list" data-testid="template-list">
            {library.templates.map((tpl) => (
              <li key={tpl.id} className="cw-template-row">
                <Link
                  to={{ page: 'editor', id: tpl.id }}
                  className="cw-template-link"
                  data-testid="template-link"
                  data-id={tpl.id}
                >
                  <span className="cw-template-title">{tpl.title || tpl.id}</span>
                  <span className="cw-template-meta">
                    {t(`numbering.${tpl.numbering}`)} · {t(`locale.${tpl.locale}`)} ·{' '}
                    {t('list.updated', { when: formatUpdatedAt(tpl.updatedAt, lang) })}
                  </span>
                </Link>
                <div className="cw-template-actions">
                  <Link to={{ page: 'editor', id: tpl.id }} className="button primary">
                    {t('list.open')}
                  </Link>
                  <Link to={{ page: 'fill', id: tpl.id }} className="button">
                    {t('list.preview')}
                  </Link>
                  <a
                    href={`${templatePath(tpl.id)}/export`}
                    download={`${tpl.id}.md`}
                    className="button"
                    data-testid="export-md"
                    title={t('list.exportTitle')}
                  >
                    .md
                  </a>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <aside className="cw-list-side">
        <NewTemplateForm />
        <ImportMarkdown />
      </aside>
    </main>
  );
}
