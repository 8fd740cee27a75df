import type { TextChange } from '@clausewright/diff';
import type { ReactNode } from 'react';
import { textTokens } from './textTokens.ts';

/** How placeholders in diff text are named: field labels, filter names and clause labels on each side. */
export interface TokenNames {
  field(key: string): string | undefined;
  filter(name: string): string;
  ref(target: string, side: 'old' | 'new'): string | undefined;
}

/**
 * An inline diff: insertions in `<ins>`, deletions in `<del>`, kept text plain; fields and references show as chips
 * named by label (the raw `{{key}}` / `[[#id]]` on hover) when `names` are given.
 */
export function TextRuns({ runs, empty, names }: { runs: readonly TextChange[]; empty: string; names?: TokenNames }) {
  if (runs.length === 0) return <span className="muted">{empty}</span>;
  return (
    <>
      {runs.map((run, i) => {
        const content = names ? chips(run.text, names, run.op === 'delete' ? 'old' : 'new') : run.text;
        return run.op === 'insert' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs have no identity beyond their order
          <ins key={i} className="cw-diff-ins">
            {content}
          </ins>
        ) : run.op === 'delete' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <del key={i} className="cw-diff-del">
            {content}
          </del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={i}>{content}</span>
        );
      })}
    </>
  );
}

function chips(text: string, names: TokenNames, side: 'old' | 'new'): ReactNode {
  const tokens = textTokens(text);
  if (tokens.length === 1 && tokens[0]?.kind === 'text') return text;
  return tokens.map((token, i) => {
    if (token.kind === 'text') return token.text;
    if (token.kind === 'field') {
      const label = names.field(token.key) ?? token.key;
      return (
        // biome-ignore lint/suspicious/noArrayIndexKey: as above
        <span key={i} className="cw-diff-field" data-key={token.key} title={token.raw}>
          {label}
          {token.filter && ` · ${names.filter(token.filter)}`}
        </span>
      );
    }
    return (
      // biome-ignore lint/suspicious/noArrayIndexKey: as above
      <span key={i} className="cw-diff-ref" data-target={token.target} title={token.raw}>
        {names.ref(token.target, side) ?? `#${token.target}`}
      </span>
    );
  });
}
