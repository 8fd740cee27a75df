import { type Locale, NUMBERING_SCHEMES, type NumberingScheme } from '@clausewright/model';
import { type FormEvent, useState } from 'react';
import { createTemplate } from '../api.ts';
import { useT } from '../i18n/useT.ts';
import { navigate } from '../routing/navigate.ts';
import { useUi } from '../state/uiStore.ts';

/** Creates a blank template (one empty clause) with a title, numbering scheme and contract language, then opens it. */
export function NewTemplateForm() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [title, setTitle] = useState('');
  const [locale, setLocale] = useState<Locale>(lang === 'zh' ? 'zh-CN' : 'en');
  const [numbering, setNumbering] = useState<NumberingScheme>(lang === 'zh' ? 'zh-article' : 'decimal');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const created = await createTemplate({ title: title.trim(), locale, numbering });
      navigate({ page: 'editor', id: created.id });
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  return (
    <form className="cw-card cw-form" onSubmit={submit} data-testid="new-template-form">
      <h2>{t('list.new')}</h2>
      <label>
        <span>{t('list.newTitle')}</span>
        <input
          data-testid="new-title"
          value={title}
          required
          maxLength={200}
          placeholder={t('list.newTitlePlaceholder')}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <label>
        <span>{t('list.numbering')}</span>
        <select
          data-testid="new-numbering"
          value={numbering}
          onChange={(e) => setNumbering(e.target.value as NumberingScheme)}
        >
          {NUMBERING_SCHEMES.map((s) => (
            <option key={s} value={s}>
              {t(`numbering.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('list.locale')}</span>
        <select data-testid="new-locale" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
          <option value="zh-CN">{t('locale.zh-CN')}</option>
          <option value="en">{t('locale.en')}</option>
        </select>
      </label>
      {error ? (
        <p className="values-error" role="alert">
          {t('list.createFailed')} {error}
        </p>
      ) : null}
      <button type="submit" className="primary" data-testid="create-template" disabled={busy || !title.trim()}>
        {busy ? t('list.creating') : t('list.create')}
      </button>
    </form>
  );
}
