import type { TextChange } from '@clausewright/diff';

/** An inline diff: insertions in `<ins>`, deletions in `<del>`, kept text plain. */
export function TextRuns({ runs, empty }: { runs: readonly TextChange[]; empty: string }) {
  if (runs.length === 0) return <span className="muted">{empty}</span>;
  return (
    <>
      {runs.map((run, i) =>
        run.op === 'insert' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs have no identity beyond their order
          <ins key={i} className="cw-diff-ins">
            {run.text}
          </ins>
        ) : run.op === 'delete' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <del key={i} className="cw-diff-del">
            {run.text}
          </del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={i}>{run.text}</span>
        ),
      )}
    </>
  );
}
