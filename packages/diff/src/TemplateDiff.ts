import type { Condition, FieldDef, Locale, NumberingScheme } from '@clausewright/model';

/**
 * What happened to one clause between two versions.
 * - `added` / `removed`: only in the new / old version.
 * - `moved`: its parent changed, or its order among the siblings both versions share (it may be modified too: see `modified`).
 * - `modified`: text, formatting or condition changed, same place.
 * - `renumbered`: same text and place, but its label changed because clauses around it were added, removed or moved
 *   (or the numbering scheme changed).
 * - `unchanged`: nothing, label included.
 */
export type ClauseStatus = 'added' | 'removed' | 'moved' | 'modified' | 'renumbered' | 'unchanged';

/** One run of an inline text diff: kept, inserted in the new text, or deleted from the old. */
export interface TextChange {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * A clause as it stands in one version. `text` is its content flattened to a string: fields as `{{key}}` /
 * `{{key|filter}}`, references as `[[#id]]`, hard breaks as `\n`, further paragraphs after `\n\n`; marks dropped.
 */
export interface ClauseSide {
  /** The printed label in that version (`第四条`, `4-2`, `1.1`, `Section 1.1`), from the version's numbering scheme. */
  label: string;
  /** 1-based depth. */
  level: number;
  /** The parent clause's id in that version; null at the top level. */
  parentId: string | null;
  /** 0-based position among the parent's children (top level: among all top-level clauses, across clause lists). */
  index: number;
  text: string;
  condition?: Condition;
}

/** One clause's diff. Entries come in document order, removed clauses placed where they stood. */
export interface ClauseDiff {
  /** The new version's id, or the old one for a removed clause; unique within `clauses` unless a version itself repeats an id. */
  id: string;
  /** The old id, when a clause was paired by position and similarity and its (generated) id changed. */
  oldId?: string;
  status: ClauseStatus;
  /** Parent or order among shared siblings changed (true for every `moved`). */
  moved: boolean;
  /** Text, formatting or condition changed; a moved clause can be modified too. */
  modified: boolean;
  /** The label differs between the versions. */
  renumbered: boolean;
  /** Absent for `added`. */
  old?: ClauseSide;
  /** Absent for `removed`. */
  new?: ClauseSide;
  /** The inline diff of `old.text` → `new.text`; present when the text changed. */
  text?: TextChange[];
  /** Bold/italic/strike changed with the text the same. */
  formattingChanged?: boolean;
  /** The `if=` / `unless=` condition changed (see `old.condition`, `new.condition`). */
  conditionChanged?: boolean;
}

/** A field definition property that differs. `old`/`new` absent means the property is not set on that side. */
export interface PropertyChange {
  property: string;
  old?: unknown;
  new?: unknown;
}

/** A field definition that was added, removed or changed. */
export interface FieldChange {
  key: string;
  status: 'added' | 'removed' | 'changed';
  old?: FieldDef;
  new?: FieldDef;
  /** For `changed`: each property that differs (type, label, required, options, default, help, currency). */
  changes?: PropertyChange[];
}

/** A template setting that changed: title, locale, numbering, schemaVersion or id. */
export interface MetaChange {
  property: 'title' | 'locale' | 'numbering' | 'schemaVersion' | 'id';
  old: string | number;
  new: string | number;
}

/** A heading, paragraph or table (the blocks outside clauses), matched by position and similarity. */
export interface BlockDiff {
  status: 'added' | 'removed' | 'modified' | 'unchanged';
  type: 'heading' | 'paragraph' | 'table';
  /** Index in the old / new template's `body`; absent on the side the block is missing from. */
  oldIndex?: number;
  newIndex?: number;
  /** Flattened text (table cells joined by ` | `, rows by `\n`; a heading prefixed by its `#`s). */
  oldText?: string;
  newText?: string;
  /** For `modified`: the inline diff. */
  text?: TextChange[];
}

/** How many clauses of each status, and how many field, setting and block changes. */
export interface DiffSummary {
  added: number;
  removed: number;
  moved: number;
  modified: number;
  renumbered: number;
  unchanged: number;
  fields: number;
  meta: number;
  blocks: number;
}

/**
 * The difference between two versions of a template: plain JSON (the server returns it from
 * `GET /api/templates/:id/diff`, the CLI prints it with `--json`).
 */
export interface TemplateDiff {
  /** True when nothing differs at all (every clause and block unchanged, no field or setting change). */
  identical: boolean;
  /** The settings each side was labelled and split with. */
  old: { numbering: NumberingScheme; locale: Locale };
  new: { numbering: NumberingScheme; locale: Locale };
  summary: DiffSummary;
  meta: MetaChange[];
  fields: FieldChange[];
  /** Every clause of both versions (unchanged included, for a tree view), in merged document order. */
  clauses: ClauseDiff[];
  /** Every non-clause block of both versions, in merged document order. */
  blocks: BlockDiff[];
}

/** Options of {@link diffTemplates}. */
export interface DiffOptions {
  /**
   * How clauses without a shared id are paired. `'id'` (default): never — ids are stable, so they are added/removed.
   * `'position'`: for hand-written files whose ids are generated from the text, unmatched clauses are paired by
   * position and text similarity, so editing one sentence is `modified`, not removed + added.
   */
  matchBy?: 'id' | 'position';
  /**
   * With `matchBy: 'position'`, says which ids were generated (not written in the file); only those are paired by
   * similarity, written ids still match by id only. Default: every id may be paired.
   */
  isGeneratedId?: (id: string, side: 'old' | 'new') => boolean;
  /** Minimum text similarity (0–1, bigram Dice) for pairing by position. @default 0.5 */
  similarity?: number;
}
