import { useEffect } from 'react';
import { AppHeader } from './AppHeader.tsx';
import { EditorPage } from './editor/EditorPage.tsx';
import { useT } from './i18n/useT.ts';
import { TemplateListPage } from './list/TemplateListPage.tsx';
import { PreviewPage } from './preview/PreviewPage.tsx';
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
      ) : route.page === 'preview' ? (
        <PreviewPage key={route.id} id={route.id} />
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
