import type { SourceProblem } from './SourceProblem.ts';
import type { Locale, NumberingScheme } from './Template.ts';

/** A template as listed by `GET /api/templates`; a broken one has `errors` and no metadata. */
export interface TemplateSummary {
  id: string;
  title: string;
  locale: Locale | null;
  numbering: NumberingScheme | null;
  clauses: number;
  errors?: SourceProblem[];
}
