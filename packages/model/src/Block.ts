import type { Clause } from './Clause.ts';
import type { Inline } from './Inline.ts';

export interface HeadingBlock {
  type: 'heading';
  /** 1–6, as in Markdown. */
  level: number;
  content: Inline[];
}

export interface ParagraphBlock {
  type: 'paragraph';
  content: Inline[];
}

export type CellAlign = 'left' | 'center' | 'right' | null;

/** A table, e.g. the signature block. Row 0 is the header row in Markdown; renderers treat all rows alike. */
export interface TableBlock {
  type: 'table';
  align: CellAlign[];
  /** rows[r][c] is the inline content of one cell. */
  rows: Inline[][][];
}

/** A run of top-level clauses. Numbering continues across clause lists in one template. */
export interface ClauseListBlock {
  type: 'clauses';
  clauses: Clause[];
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock | ClauseListBlock;
