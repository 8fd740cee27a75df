import { type Problem, resolveTemplate, type Template, type Values } from '@clausewright/model';
import { renderHtml } from '@clausewright/render';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { Link } from '../routing/Link.tsx';
import { buildForm } from './buildForm.ts';
import { inputId } from './FieldInput.tsx';
import { FillForm } from './FillForm.tsx';
import { FillPreview } from './FillPreview.tsx';
import { FillProblems } from './FillProblems.tsx';
import { problemsByField } from './fieldProblems.ts';
import { type FillVersion, fetchModel, fetchVersions, type ValuesSet, type VersionInfo } from './fillApi.ts';
import { type FormInput, formInput, formValues } from './formInput.ts';
import { IssuePanel } from './IssuePanel.tsx';
import { ValuesSets } from './ValuesSets.tsx';
import { VersionPicker } from './VersionPicker.tsx';
import './fill.css';

interface Loaded {
  version: FillVersion;
  template: Template;
}

/** What a strict render refused, and for which values: shown until the values change. */
interface Refusal {
  problems: Problem[];
  values: Values;
}

/**
 * `/t/<id>/fill`: a form generated from the template's fields beside the live preview of the contract, rendered in
 * the browser on every keystroke; issuing renders the chosen version on the server and logs the document.
 */
export function FillPage({ id }: { id: string }) {
  const t = useT();
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [input, setInput] = useState<FormInput>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [switching, setSwitching] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [active, setActive] = useState<{ key: string; scroll: boolean } | null>(null);
  const models = useRef(new Map<FillVersion, Promise<Template>>());
  const fromPreview = useRef(false);

  // Versions never change once published, so each is fetched once; the draft is fetched fresh every time.
  const loadModel = useCallback(
    (version: FillVersion): Promise<Template> => {
      const cached = version === 'draft' ? undefined : models.current.get(version);
      if (cached) return cached;
      const promise = fetchModel(id, version);
      if (version !== 'draft') {
        models.current.set(version, promise);
        promise.catch(() => models.current.delete(version));
      }
      return promise;
    },
    [id],
  );

  /** Shows `version`, with `values` (a reopened set) or else keeping what was typed for fields it still has. */
  const show = useCallback(
    async (version: FillVersion, values?: Record<string, unknown>) => {
      setSwitching(true);
      try {
        const template = await loadModel(version);
        setLoaded({ version, template });
        setInput((prev) => (values ? formInput(template.fields, values) : carryOver(template, prev)));
        setRefusal(null);
        setLoadError(null);
      } finally {
        setSwitching(false);
      }
    },
    [loadModel],
  );

  useEffect(() => {
    const abort = new AbortController();
    fetchVersions(id, abort.signal)
      .then((list) => {
        if (abort.signal.aborted) return;
        setVersions(list);
        return show(list[0]?.version ?? 'draft');
      })
      .catch((e: Error) => {
        if (!abort.signal.aborted) setLoadError(e.message);
      });
    return () => abort.abort();
  }, [id, show]);

  const template = loaded?.template ?? null;
  useEffect(() => {
    if (template) document.title = `${template.meta.title} · ${t('fill.title')} · Clausewright`;
  }, [template, t]);

  // Per keystroke only the values change: the form layout and required keys are kept per template.
  const groups = useMemo(() => (template ? buildForm(template) : []), [template]);
  const required = useMemo(
    () => (template ? Object.keys(template.fields).filter((k) => template.fields[k]?.required) : []),
    [template],
  );
  const values = useMemo(() => (template ? formValues(template.fields, input) : {}), [template, input]);
  const preview = useMemo(() => {
    if (!template) return null;
    try {
      const doc = resolveTemplate(template, values);
      return { html: renderHtml(doc), problems: doc.problems, error: null };
    } catch (e) {
      return { html: '', problems: [], error: (e as Error).message };
    }
  }, [template, values]);

  const current = refusal !== null && refusal.values === values ? refusal : null;
  const problems = current?.problems ?? preview?.problems ?? [];
  const byField = useMemo(() => problemsByField(problems), [problems]);
  // A missing value is flagged under its input once the input was left or an issue was refused; the preview and the
  // list show every gap from the start.
  const shows = useCallback(
    (key: string, p: Problem) => p.code !== 'missing-value' || touched.has(key) || refusal !== null,
    [touched, refusal],
  );

  const onChange = useCallback(
    (key: string, raw: string | boolean) => setInput((prev) => ({ ...prev, [key]: raw })),
    [],
  );
  const onFocus = useCallback((key: string) => {
    setActive({ key, scroll: !fromPreview.current });
    fromPreview.current = false;
  }, []);
  const onBlur = useCallback((key: string) => {
    setTouched((prev) => (prev.has(key) ? prev : new Set(prev).add(key)));
    // Focusing the same input again scrolls the preview to it again.
    setActive((prev) => (prev?.key === key ? null : prev));
  }, []);
  const focusInput = useCallback((key: string, fromTheText: boolean) => {
    const el = document.getElementById(inputId(key));
    if (!el) return;
    fromPreview.current = fromTheText && document.activeElement !== el;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, []);
  const pickInText = useCallback((key: string) => focusInput(key, true), [focusInput]);
  const pickInList = useCallback((key: string) => focusInput(key, false), [focusInput]);
  const openSet = useCallback(
    (set: ValuesSet) => show(set.version ?? loaded?.version ?? 'draft', set.values),
    [show, loaded?.version],
  );
  const changeVersion = (version: FillVersion) => {
    show(version).catch((e: Error) => setLoadError(e.message));
  };

  if (!loaded || !template || !preview) {
    return (
      <main className="cw-page cw-narrow" data-testid="fill-page" data-state={loadError ? 'failed' : 'loading'}>
        {loadError ? (
          <p className="cw-fill-error" role="alert">
            {t('fill.loadFailed')} {loadError}
          </p>
        ) : (
          <p className="muted">{t('fill.loading')}</p>
        )}
        <Link to={{ page: 'list' }}>{t('nav.back')}</Link>
      </main>
    );
  }

  const draft = loaded.version === 'draft';
  return (
    <div className="cw-fill" data-testid="fill-page" data-state="ready" data-version={String(loaded.version)}>
      <aside className="cw-fill-side" aria-busy={switching}>
        <header className="cw-fill-head">
          <p className="cw-crumbs">
            <Link to={{ page: 'editor', id }}>← {t('nav.editor')}</Link>
            {' · '}
            <Link to={{ page: 'documents' }}>{t('documents.nav')}</Link>
          </p>
          <h1>
            {template.meta.title}
            {draft ? (
              <span className="cw-fill-badge" data-testid="fill-draft-badge">
                {t('fill.draftBadge')}
              </span>
            ) : null}
          </h1>
          <VersionPicker
            versions={versions ?? []}
            value={loaded.version}
            disabled={switching}
            onChange={changeVersion}
          />
          {loadError ? (
            <p className="cw-fill-error" role="alert">
              {t('fill.loadFailed')} {loadError}
            </p>
          ) : null}
        </header>
        <IssuePanel
          id={id}
          version={loaded.version}
          values={values}
          onRefused={(list, refused) => setRefusal({ problems: list, values: refused })}
        >
          <FillProblems problems={problems} fields={template.fields} expanded={refusal !== null} onPick={pickInList} />
        </IssuePanel>
        <ValuesSets id={id} version={loaded.version} values={values} onOpen={openSet} />
        <FillForm
          groups={groups}
          fields={template.fields}
          input={input}
          problems={byField}
          shows={shows}
          onChange={onChange}
          onFocus={onFocus}
          onBlur={onBlur}
        />
      </aside>
      {preview.error !== null ? (
        <p className="cw-fill-error" role="alert">
          {t('fill.previewFailed')} {preview.error}
        </p>
      ) : (
        <FillPreview
          html={preview.html}
          draft={draft}
          required={required}
          activeField={active?.key ?? null}
          scrollOnFocus={active?.scroll ?? false}
          onPick={pickInText}
        />
      )}
    </div>
  );
}

/** The inputs for another version of the template: what was typed stays for every field it still has. */
function carryOver(template: Template, prev: FormInput): FormInput {
  const next = formInput(template.fields);
  for (const key of Object.keys(next)) {
    const typed = prev[key];
    if (typed !== undefined && typeof typed === typeof next[key]) next[key] = typed;
  }
  return next;
}
