import { useState } from 'react';
import { NameDialog } from './editor/NameDialog.tsx';
import { useT } from './i18n/useT.ts';
import { Link } from './routing/Link.tsx';
import { uiStore, useUi } from './state/uiStore.ts';

/** The bar on every page: product name, the display name (click to change) and the language switch. */
export function AppHeader() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const name = useUi((s) => s.name);
  const [renaming, setRenaming] = useState(false);
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
        <Link to={{ page: 'documents' }} className="button cw-chip" data-testid="nav-documents">
          {t('documents.nav')}
        </Link>
        {name ? (
          <button
            type="button"
            className="cw-chip"
            data-testid="name-button"
            title={t('header.nameTitle')}
            onClick={() => setRenaming(true)}
          >
            {t('header.name', { name })}
          </button>
        ) : null}
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
      {renaming ? (
        <NameDialog
          initial={name}
          onCancel={() => setRenaming(false)}
          onSubmit={(n) => {
            uiStore.getState().setName(n);
            setRenaming(false);
          }}
        />
      ) : null}
    </header>
  );
}
