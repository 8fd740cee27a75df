import type { Inline } from './Inline.ts';

/**
 * Keeps or omits a clause by a field's value: `if=key` keeps it when the value is truthy,
 * `unless=key` when it is not; with `equals`, the test is "value equals this option" instead.
 */
export interface Condition {
  kind: 'if' | 'unless';
  field: string;
  equals?: string;
}

/** A numbered clause. Its label is derived by numbering, never stored. */
export interface Clause {
  /** Stable id: survives renumbering, edits and moves. */
  id: string;
  /** The clause's first paragraph, printed after its label. */
  content: Inline[];
  /** Further paragraphs of the clause, printed unnumbered after the first. */
  paragraphs: Inline[][];
  condition?: Condition;
  children: Clause[];
}
