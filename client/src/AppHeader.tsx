import { UserMenu } from './auth/UserMenu.tsx';
import { useT } from './i18n/useT.ts';
import { Link } from './routing/Link.tsx';
import { uiStore, useUi } from './state/uiStore.ts';

/** The bar on every page: product name, the logged-in account (its menu) and the language switch. */
export function AppHeader() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const user = useUi((s) => s.user);
  return (
    <header className="cw-appbar">
      <Link to={{ page: 'list' }} className="cw-brand">
        <span className="cw-brand-mark" aria-hidden="true">
          §
        </span>
        {t('app.name')}
        <span className="cw-brand-tag">{t('app.tagline')}</span>
      </Link>
      <div className="cw-appbar-end">
        {user ? (
          <Link to={{ page: 'documents' }} className="button cw-chip" data-testid="nav-documents">
            {t('documents.nav')}
          </Link>
        ) : null}
        <UserMenu />
        <button
          type="button"
          className="cw-chip"
          data-testid="lang-switch"
          data-lang={lang}
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
          title={t('header.langTitle')}
          onClick={() => uiStore.getState().setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {t('header.lang')}
        </button>
      </div>
    </header>
  );
}
