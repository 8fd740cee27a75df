/** Text formatting carried by inline content, in canonical order: a run's `marks` always list them in this order. */
export const MARKS = ['bold', 'italic', 'strike'] as const;
export type Mark = (typeof MARKS)[number];

/** A run of plain text. `\n` never appears inside; hard breaks are {@link BreakInline}. */
export interface TextInline {
  type: 'text';
  text: string;
  marks?: Mark[];
}

/** A placeholder for a field value, optionally shown through a filter (`{{amount|rmb_upper}}`). */
export interface FieldInline {
  type: 'field';
  key: string;
  filter?: string;
  marks?: Mark[];
}

/** A cross-reference to a clause by id (`[[#clause-id]]`); renders the target's current label. */
export interface RefInline {
  type: 'ref';
  target: string;
  marks?: Mark[];
}

/** A hard line break inside a paragraph. */
export interface BreakInline {
  type: 'break';
}

export type Inline = TextInline | FieldInline | RefInline | BreakInline;
