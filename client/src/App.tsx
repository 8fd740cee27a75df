import { useEffect } from 'react';
import { AppHeader } from './AppHeader.tsx';
import { fetchSession } from './auth/authApi.ts';
import { goToLogin } from './auth/goToLogin.ts';
import { LoginPage } from './auth/LoginPage.tsx';
import { EditorPage } from './editor/EditorPage.tsx';
import { DocumentsPage } from './fill/DocumentsPage.tsx';
import { FillPage } from './fill/FillPage.tsx';
import { DiffPage } from './history/DiffPage.tsx';
import { VersionPage } from './history/VersionPage.tsx';
import { useT } from './i18n/useT.ts';
import { TemplateListPage } from './list/TemplateListPage.tsx';
import { Link } from './routing/Link.tsx';
import { listenToHistory } from './routing/navigate.ts';
import { uiStore, useUi } from './state/uiStore.ts';

/** The app shell: the header and the page the URL names, once someone is logged in (else the login page). */
export function App() {
  const route = useUi((s) => s.route);
  const lang = useUi((s) => s.lang);
  const user = useUi((s) => s.user);
  useEffect(listenToHistory, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  useEffect(() => {
    fetchSession().then(
      (found) => {
        uiStore.getState().setUser(found);
        if (!found) goToLogin();
      },
      // The server is unreachable: the pages say so when their own requests fail.
      () => uiStore.getState().setUser(null),
    );
  }, []);

  // Pages load only once the session is known, so none of them starts requests only to be sent to the login page.
  const page =
    route.page === 'login' ? <LoginPage /> : user === undefined ? null : user === null ? <LoginPage /> : <Page />;
  return (
    <div className={`cw-app cw-app-${route.page}`}>
      <AppHeader />
      {page}
    </div>
  );
}

function Page() {
  const route = useUi((s) => s.route);
  return (
    <>
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
    </>
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
