import type { FieldDef, Problem } from '@clausewright/model';
import { useT } from '../i18n/useT.ts';

interface Props {
  problems: readonly Problem[];
  fields: Record<string, FieldDef>;
  /** Focuses the input of the field a problem names. */
  onPick(key: string): void;
}

/** Everything that stops the document being issued, each naming its field; a click goes to the input. */
export function FillProblems({ problems, fields, onPick }: Props) {
  const t = useT();
  if (problems.length === 0) {
    return (
      <p className="cw-fill-ready" data-testid="fill-problems" data-count={0}>
        {t('fill.problemsNone')}
      </p>
    );
  }
  return (
    <div className="cw-fill-problems" data-testid="fill-problems" data-count={problems.length}>
      <h3>{t('fill.problems', { n: problems.length })}</h3>
      <ul>
        {problems.map((p) => (
          <li key={`${p.code}|${p.field ?? ''}|${p.clause ?? ''}|${p.message}`} data-field={p.field}>
            {p.field !== undefined && fields[p.field] ? (
              <button type="button" className="cw-fill-problem-link" onClick={() => onPick(p.field as string)}>
                {fields[p.field]?.label}
              </button>
            ) : null}{' '}
            {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
