import { useEffect, useState } from 'react';
import { type Format, fetchFormats, fetchTemplates, type TemplateSummary } from './api.ts';
import { Bilingual } from './Bilingual.tsx';
import { TemplateList } from './TemplateList.tsx';
import { TemplatePreview } from './TemplatePreview.tsx';

// The selected template lives in the URL (`#wechat-miniprogram-service`) so a reload or a shared link keeps it.
const idFromHash = (): string | null => decodeURIComponent(window.location.hash.slice(1)) || null;

type Library =
  | { state: 'loading' }
  | { state: 'ready'; templates: TemplateSummary[] }
  | { state: 'failed'; message: string };

export function App() {
  const [library, setLibrary] = useState<Library>({ state: 'loading' });
  const [formats, setFormats] = useState<Format[]>([]);
  const [selected, setSelected] = useState<string | null>(idFromHash);

  useEffect(() => {
    const abort = new AbortController();
    fetchTemplates(abort.signal).then(
      (templates) => setLibrary({ state: 'ready', templates }),
      (e: Error) => {
        if (!abort.signal.aborted) setLibrary({ state: 'failed', message: e.message });
      },
    );
    fetchFormats(abort.signal).then(setFormats, () => setFormats([]));
    return () => abort.abort();
  }, []);

  useEffect(() => {
    const onHash = () => setSelected(idFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const select = (id: string) => {
    window.location.hash = encodeURIComponent(id);
    setSelected(id);
  };

  const templates = library.state === 'ready' ? library.templates : [];
  // Without a choice in the URL, open the first template that loaded.
  const current = templates.find((t) => t.id === selected) ?? (selected ? undefined : templates.find((t) => !t.errors));

  return (
    <div className="app">
      <header className="app-head">
        <h1>
          Clausewright{' '}
          <span className="muted">
            · <Bilingual zh="合同模板" en="contract templates" />
          </span>
        </h1>
      </header>
      <nav className="library" aria-label="Templates">
        <h2>
          <Bilingual zh="模板" en="Templates" />
        </h2>
        {library.state === 'loading' ? (
          <p className="muted">
            <Bilingual zh="加载中…" en="Loading…" />
          </p>
        ) : library.state === 'failed' ? (
          <p className="values-error" role="alert">
            <Bilingual zh="无法连接服务器：" en="Cannot reach the server:" /> {library.message}
          </p>
        ) : (
          <TemplateList templates={templates} selected={current?.id ?? null} onSelect={select} />
        )}
      </nav>
      <main className="main">
        {current ? (
          <TemplatePreview key={current.id} summary={current} formats={formats} />
        ) : library.state === 'ready' ? (
          <p className="muted">
            {selected ? (
              <Bilingual zh={`没有模板“${selected}”。`} en="No such template." />
            ) : (
              <Bilingual zh="请选择一个模板。" en="Choose a template." />
            )}
          </p>
        ) : null}
      </main>
    </div>
  );
}
