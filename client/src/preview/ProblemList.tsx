import type { Problem } from '@clausewright/model';
import { Bilingual } from './Bilingual.tsx';

/** What stops the document being issued; an empty list says it is ready. */
export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) {
    return (
      <p className="problems-none">
        <Bilingual zh="✓ 无问题，可以出具" en="No problems: ready to issue" />
      </p>
    );
  }
  return (
    <div className="problems">
      <h3>
        <Bilingual zh={`问题（${problems.length}）`} en="Problems" />
      </h3>
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
