import type { TemplateSummary } from './api.ts';
import { Bilingual } from './Bilingual.tsx';
import { TemplateErrors } from './TemplateErrors.tsx';

interface Props {
  templates: readonly TemplateSummary[];
  selected: string | null;
  onSelect(id: string): void;
}

/** The library: one button per template, broken ones flagged with their errors. */
export function TemplateList({ templates, selected, onSelect }: Props) {
  if (templates.length === 0) {
    return (
      <p className="muted">
        <Bilingual zh="没有模板。" en="No templates found." />
      </p>
    );
  }
  return (
    <ul className="template-list">
      {templates.map((t) => (
        <li key={t.id}>
          <button
            type="button"
            className={`template-item${t.id === selected ? ' selected' : ''}${t.errors ? ' broken' : ''}`}
            aria-current={t.id === selected ? 'true' : undefined}
            onClick={() => onSelect(t.id)}
          >
            <span className="template-title">{t.title}</span>
            <span className="template-meta">
              {t.errors ? (
                <Bilingual zh={`${t.errors.length} 个错误`} en={`${t.errors.length} error(s)`} />
              ) : (
                <>
                  {t.locale} · <Bilingual zh={`${t.clauses} 条款`} en="clauses" />
                </>
              )}
            </span>
          </button>
          {t.errors ? <TemplateErrors errors={t.errors} /> : null}
        </li>
      ))}
    </ul>
  );
}
