import type { Problem, ResolvedDocument } from '@clausewright/model';

/** Thrown when a strict render meets problems; carries every one, not just the first. */
export class ProblemsError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(`cannot issue the document:\n${problems.map((p) => `- ${p.message}`).join('\n')}`);
    this.name = 'ProblemsError';
    this.problems = problems;
  }
}

/** Refuses a strict document that has problems; a draft renders with gaps marked instead. */
export function assertRenderable(doc: ResolvedDocument): void {
  if (doc.mode === 'strict' && doc.problems.length > 0) throw new ProblemsError(doc.problems);
}
