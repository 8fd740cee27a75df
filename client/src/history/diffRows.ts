import type { ClauseDiff, ClauseStatus, TemplateDiff, TextChange } from '@clausewright/diff';
import type { Condition } from '@clausewright/model';
import type { DiffSide } from '../routing/parseRoute.ts';

/** Whether a clause of the diff can be put back from the `from` version, and if not shown, why it is disabled. */
export type ClauseRestore = { kind: 'none' } | { kind: 'enabled'; version: number } | { kind: 'disabled' };

/** One clause line of the diff view. */
export interface DiffRow {
  id: string;
  status: ClauseStatus;
  /** Moved and edited too: shown as a second badge. */
  alsoModified: boolean;
  /** Depth for the indent: the new side's, or the old one's for a removed clause. */
  level: number;
  oldLabel: string | null;
  newLabel: string | null;
  labelChanged: boolean;
  /** The text to show: the inline diff when the text changed, else the whole text as one run of its kind. */
  runs: TextChange[];
  conditionChanged: boolean;
  formattingChanged: boolean;
  oldCondition: Condition | null;
  newCondition: Condition | null;
  restore: ClauseRestore;
}

/** The statuses in the order the summary lists them. */
export const STATUS_ORDER: readonly ClauseStatus[] = [
  'added',
  'removed',
  'moved',
  'modified',
  'renumbered',
  'unchanged',
];

// Restoring puts back the old text, place and children: meaningless for a clause the old version did not have, and
// a no-op for one that only got a new label.
const RESTORABLE: ReadonlySet<ClauseStatus> = new Set(['modified', 'moved', 'removed']);

/**
 * Whether "restore this clause" applies: only when `from` is a version and the clause changed there; clauses go back
 * into the live draft only, so with any other `to` it is shown disabled.
 */
export function clauseRestore(clause: ClauseDiff, from: DiffSide, to: DiffSide): ClauseRestore {
  if (from === 'draft' || !RESTORABLE.has(clause.status) || !clause.old) return { kind: 'none' };
  return to === 'draft' ? { kind: 'enabled', version: from } : { kind: 'disabled' };
}

function runsOf(clause: ClauseDiff): TextChange[] {
  if (clause.text) return clause.text;
  if (clause.status === 'added') return clause.new?.text ? [{ op: 'insert', text: clause.new.text }] : [];
  if (clause.status === 'removed') return clause.old?.text ? [{ op: 'delete', text: clause.old.text }] : [];
  const text = clause.new?.text ?? clause.old?.text ?? '';
  return text ? [{ op: 'equal', text }] : [];
}

/** The clause lines of a diff in document order; `changedOnly` drops the unchanged ones. */
export function diffRows(
  diff: TemplateDiff,
  options: { changedOnly: boolean; from: DiffSide; to: DiffSide },
): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const clause of diff.clauses) {
    if (options.changedOnly && clause.status === 'unchanged') continue;
    const oldLabel = clause.old?.label ?? null;
    const newLabel = clause.new?.label ?? null;
    rows.push({
      id: clause.id,
      status: clause.status,
      alsoModified: clause.status === 'moved' && clause.modified,
      level: clause.new?.level ?? clause.old?.level ?? 1,
      oldLabel,
      newLabel,
      labelChanged: oldLabel !== null && newLabel !== null && oldLabel !== newLabel,
      runs: runsOf(clause),
      conditionChanged: clause.conditionChanged === true,
      formattingChanged: clause.formattingChanged === true,
      oldCondition: clause.old?.condition ?? null,
      newCondition: clause.new?.condition ?? null,
      restore: clauseRestore(clause, options.from, options.to),
    });
  }
  return rows;
}
