import type { FieldDef, Problem } from '@clausewright/model';
import { useT } from '../i18n/useT.ts';

interface Props {
  problems: readonly Problem[];
  fields: Record<string, FieldDef>;
  /** Open the list: after a refused issue. Closed, it is one line saying how many problems there are. */
  expanded: boolean;
  /** Focuses the input of the field a problem names. */
  onPick(key: string): void;
}

/** Everything that stops the document being issued, each naming its field; a click goes to the input. */
export function FillProblems({ problems, fields, expanded, onPick }: Props) {
  const t = useT();
  if (problems.length === 0) {
    return (
      <p className="cw-fill-ready" data-testid="fill-problems" data-count={0}>
        {t('fill.problemsNone')}
      </p>
    );
  }
  return (
    <details className="cw-fill-problems" data-testid="fill-problems" data-count={problems.length} open={expanded}>
      <summary>{t('fill.problems', { n: problems.length })}</summary>
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
    </details>
  );
}
