import type { CellAlign } from './Block.ts';
import type { Condition } from './Clause.ts';
import type { FieldDef } from './Field.ts';
import type { Mark } from './Inline.ts';
import type { Problem } from './Problem.ts';
import type { TemplateMeta } from './Template.ts';

export type RenderMode = 'draft' | 'strict';

export interface ResolvedText {
  type: 'text';
  text: string;
  marks?: Mark[];
}

/** A field's value as printed; `text` is null when the value is missing or invalid (printed as a blank). */
export interface ResolvedValue {
  type: 'value';
  field: string;
  filter?: string;
  text: string | null;
  marks?: Mark[];
}

/** A cross-reference; `text` is the target's label, null when the target is missing or omitted. */
export interface ResolvedRef {
  type: 'ref';
  target: string;
  text: string | null;
  marks?: Mark[];
}

export interface ResolvedBreak {
  type: 'break';
}

export type ResolvedInline = ResolvedText | ResolvedValue | ResolvedRef | ResolvedBreak;

export interface ResolvedClause {
  id: string;
  level: number;
  label: string;
  refLabel: string;
  path: number[];
  condition?: Condition;
  content: ResolvedInline[];
  paragraphs: ResolvedInline[][];
  children: ResolvedClause[];
}

export type ResolvedBlock =
  | { type: 'heading'; level: number; content: ResolvedInline[] }
  | { type: 'paragraph'; content: ResolvedInline[] }
  | { type: 'table'; align: CellAlign[]; rows: ResolvedInline[][][] }
  | { type: 'clauses'; clauses: ResolvedClause[] };

/** A template with values applied: conditions decided, clauses numbered, fields and references printed. */
export interface ResolvedDocument {
  meta: TemplateMeta;
  fields: Record<string, FieldDef>;
  mode: RenderMode;
  blocks: ResolvedBlock[];
  /** Everything that would stop the document being issued; renderers refuse to render in strict mode when non-empty. */
  problems: Problem[];
}
