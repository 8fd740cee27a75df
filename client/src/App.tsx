import { useEffect } from 'react';
import { AppHeader } from './AppHeader.tsx';
import { EditorPage } from './editor/EditorPage.tsx';
import { DocumentsPage } from './fill/DocumentsPage.tsx';
import { FillPage } from './fill/FillPage.tsx';
import { DiffPage } from './history/DiffPage.tsx';
import { VersionPage } from './history/VersionPage.tsx';
import { useT } from './i18n/useT.ts';
import { TemplateListPage } from './list/TemplateListPage.tsx';
import { Link } from './routing/Link.tsx';
import { listenToHistory } from './routing/navigate.ts';
import { useUi } from './state/uiStore.ts';

/** The app shell: the header and the page the URL names. */
export function App() {
  const route = useUi((s) => s.route);
  const lang = useUi((s) => s.lang);
  useEffect(listenToHistory, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  return (
    <div className={`cw-app cw-app-${route.page}`}>
      <AppHeader />
      {route.page === 'list' ? (
        <TemplateListPage />
      ) : route.page === 'editor' ? (
        <EditorPage id={route.id} />
      ) : route.page === 'documents' ? (
        <DocumentsPage />
      ) : route.page === 'fill' ? (
        <FillPage key={route.id} id={route.id} />
      ) : route.page === 'version' ? (
        <VersionPage key={`${route.id}@${route.version}`} id={route.id} version={route.version} />
      ) : route.page === 'diff' ? (
        <DiffPage key={`${route.id}@${route.from}..${route.to}`} id={route.id} from={route.from} to={route.to} />
      ) : (
        <NotFound />
      )}
    </div>
  );
}

function NotFound() {
  const t = useT();
  return (
    <main className="cw-page cw-narrow">
      <h1>{t('notFound.title')}</h1>
      <Link to={{ page: 'list' }}>{t('notFound.back')}</Link>
    </main>
  );
}
