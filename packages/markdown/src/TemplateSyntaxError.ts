import type { SourceProblem } from '@clausewright/model';

export type { SourceProblem };

/** Thrown by `parseTemplate` with every problem found in the file, not just the first. */
export class TemplateSyntaxError extends Error {
  override readonly name = 'TemplateSyntaxError';
  readonly problems: SourceProblem[];

  constructor(problems: SourceProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
    this.problems = problems;
  }
}
