import type { Clause } from '@clausewright/model';

/** Where a model object was written (source offsets), so issues found later by the model can point into the file. */
export interface Spot {
  at: number;
  /** The clause id in `{#id}`. */
  id?: number;
  /** The `if=`/`unless=` of a clause. */
  condition?: number;
  /** The filter name in `{{key|filter}}`. */
  filter?: number;
}

/** A problem before it is given a line and column. */
export interface OffsetProblem {
  offset: number;
  message: string;
}

/** State shared while reading one file's Markdown body. */
export interface ParseContext {
  /** The whole file, line endings normalized. */
  source: string;
  /** Where the body starts in `source`; mdast offsets are relative to it. */
  base: number;
  problems: OffsetProblem[];
  spots: WeakMap<object, Spot>;
  /** Clause ids written in the file and every referenced id: generated ids must avoid them all. */
  takenIds: Set<string>;
  /** Clauses written without an id, in document order, to be given one once the whole file is read. */
  unnamed: Clause[];
}
