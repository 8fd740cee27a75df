/** One problem in a template file, at a 1-based line and column (UTF-16 units) of the original source. */
export interface SourceProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Thrown by `parseTemplate` with every problem found in the file, not just the first. */
export class TemplateSyntaxError extends Error {
  override readonly name = 'TemplateSyntaxError';
  readonly problems: SourceProblem[];

  constructor(problems: SourceProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
    this.problems = problems;
  }
}
