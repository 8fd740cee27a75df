import type { Problem } from '@clausewright/model';
import { useT } from '../i18n/useT.ts';

/** What stops the document being issued; an empty list says it is ready. */
export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  const t = useT();
  if (problems.length === 0) return <p className="problems-none">{t('problems.none')}</p>;
  return (
    <div className="problems">
      <h3>{t('problems.title', { n: problems.length })}</h3>
      <ul>
        {problems.map((p) => (
          <li key={`${p.code}|${p.field ?? ''}|${p.clause ?? ''}|${p.message}`}>
            <span className="problem-code">{p.code}</span> {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
