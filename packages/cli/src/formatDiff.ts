import type { ClauseDiff, FieldChange, MetaChange, TemplateDiff, TextChange } from '@clausewright/diff';
import type { Condition, FieldDef } from '@clausewright/model';

/** Options of {@link formatDiff}. */
export interface FormatDiffOptions {
  /** ANSI colours (a terminal); the `[-…-]` / `{+…+}` markers are written either way. */
  color?: boolean;
  /** Names printed in the `---` / `+++` header. */
  oldName?: string;
  newName?: string;
  /** Ids not to print (generated from the text of hand-written clauses, so meaningless to the reader). */
  hiddenIds?: ReadonlySet<string>;
}

const SIGN: Record<ClauseDiff['status'], string> = {
  added: '+',
  removed: '-',
  moved: '>',
  modified: '~',
  renumbered: '#',
  unchanged: ' ',
};

/** Consecutive renumbered clauses from this many on print as one line. */
const RUN = 4;

const ANSI = {
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  cyan: '\x1b[36m',
  bold: '\x1b[1m',
  off: '\x1b[0m',
};

/**
 * A clause-level diff for people: settings and field changes first, then one line per changed clause with its
 * labels (`~ 4-1 modified`, `+ 4-4 added`, `- 5-2 removed`, `> 3-1-2 moved from 3-2-1`,
 * `# 3-3 renumbered from 3-2`; four or more renumbered in a row as one
 * `# 3-3 … 5-2 renumbered from 3-2 … 5-1 (12 clauses)` line), each followed by its inline text changes
 * (`[-old-]{+new+}`) and condition change, then other blocks, then a count.
 */
export function formatDiff(diff: TemplateDiff, options: FormatDiffOptions = {}): string {
  const paint = (color: keyof typeof ANSI, text: string) => (options.color ? `${ANSI[color]}${text}${ANSI.off}` : text);
  const lines: string[] = [];
  if (options.oldName !== undefined && options.newName !== undefined) {
    lines.push(paint('bold', `--- ${options.oldName}`), paint('bold', `+++ ${options.newName}`));
  }
  for (const m of diff.meta) lines.push(paint('cyan', metaLine(m)));
  for (const f of diff.fields) lines.push(...fieldLines(f).map((l, i) => (i === 0 ? paint('cyan', l) : l)));

  const changed = diff.clauses.filter((c) => c.status !== 'unchanged');
  for (let k = 0; k < changed.length; k++) {
    const c = changed[k] as ClauseDiff;
    // A clause added near the top renumbers everything after it: a long run of such lines is one summary line.
    let end = k;
    while (changed[end + 1]?.status === 'renumbered' && c.status === 'renumbered') end++;
    if (end - k + 1 >= RUN) {
      const last = changed[end] as ClauseDiff;
      lines.push(
        paint(
          'cyan',
          `# ${c.new?.label} … ${last.new?.label} renumbered from ${c.old?.label} … ${last.old?.label} (${end - k + 1} clauses)`,
        ),
      );
      k = end;
      continue;
    }
    lines.push(paint(HEAD_COLOR[c.status], clauseHead(c, options.hiddenIds)));
    const body = clauseBody(c, paint);
    if (body) lines.push(indent(body));
    if (c.conditionChanged)
      lines.push(indent(`condition: ${condition(c.old?.condition)} → ${condition(c.new?.condition)}`));
    if (c.formattingChanged) lines.push(indent('formatting changed'));
  }

  for (const b of diff.blocks) {
    if (b.status === 'unchanged') continue;
    const sign = b.status === 'added' ? '+' : b.status === 'removed' ? '-' : '~';
    const color = b.status === 'added' ? 'green' : b.status === 'removed' ? 'red' : 'yellow';
    lines.push(paint(color, `${sign} ${b.type} ${b.status}`));
    const body =
      b.status === 'modified' && b.text
        ? inline(b.text, paint)
        : b.status === 'added'
          ? paint('green', b.newText ?? '')
          : b.status === 'removed'
            ? paint('red', b.oldText ?? '')
            : '';
    if (body) lines.push(indent(body));
  }

  lines.push(summaryLine(diff));
  return `${lines.join('\n')}\n`;
}

const HEAD_COLOR: Record<ClauseDiff['status'], keyof typeof ANSI> = {
  added: 'green',
  removed: 'red',
  moved: 'yellow',
  modified: 'yellow',
  renumbered: 'cyan',
  unchanged: 'off',
};

function clauseHead(c: ClauseDiff, hidden: ReadonlySet<string> = new Set()): string {
  const oldLabel = c.old?.label ?? '';
  const newLabel = c.new?.label ?? '';
  const id = hidden.has(c.id) ? '' : ` (#${c.oldId && !hidden.has(c.oldId) ? `${c.oldId} → ${c.id}` : c.id})`;
  switch (c.status) {
    case 'added':
      return `+ ${newLabel} added${id}`;
    case 'removed':
      return `- ${oldLabel} removed${id}`;
    case 'moved':
      return `> ${newLabel} moved from ${oldLabel}${c.modified ? ' and modified' : ''}${id}`;
    case 'renumbered':
      return `# ${newLabel} renumbered from ${oldLabel}${id}`;
    default:
      return `${SIGN[c.status]} ${newLabel} modified${c.renumbered ? ` (was ${oldLabel})` : ''}${id}`;
  }
}

type Paint = (color: keyof typeof ANSI, text: string) => string;

function clauseBody(c: ClauseDiff, paint: Paint): string {
  if (c.status === 'added') return paint('green', c.new?.text ?? '');
  if (c.status === 'removed') return paint('red', c.old?.text ?? '');
  return c.text ? inline(c.text, paint) : '';
}

function inline(changes: readonly TextChange[], paint: Paint): string {
  return changes
    .map((t) =>
      t.op === 'equal' ? t.text : t.op === 'delete' ? paint('red', `[-${t.text}-]`) : paint('green', `{+${t.text}+}`),
    )
    .join('');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `    ${l}` : ''))
    .join('\n');
}

function condition(c: Condition | undefined): string {
  if (!c) return '(none)';
  return `${c.kind}=${c.field}${c.equals !== undefined ? `=${c.equals}` : ''}`;
}

function metaLine(m: MetaChange): string {
  return `setting ${m.property}: ${JSON.stringify(m.old)} → ${JSON.stringify(m.new)}`;
}

function describeField(def: FieldDef): string {
  return `${def.type} ${JSON.stringify(def.label)}${def.required ? ', required' : ''}`;
}

function fieldLines(f: FieldChange): string[] {
  if (f.status === 'added' && f.new) return [`field + ${f.key} added (${describeField(f.new)})`];
  if (f.status === 'removed' && f.old) return [`field - ${f.key} removed (${describeField(f.old)})`];
  return [
    `field ~ ${f.key} changed`,
    ...(f.changes ?? []).map((p) => `    ${p.property}: ${show(p.old)} → ${show(p.new)}`),
  ];
}

function show(value: unknown): string {
  return value === undefined ? '(unset)' : JSON.stringify(value);
}

function summaryLine(diff: TemplateDiff): string {
  if (diff.identical) return 'no differences';
  const s = diff.summary;
  const parts = [
    [s.modified, 'modified'],
    [s.added, 'added'],
    [s.removed, 'removed'],
    [s.moved, 'moved'],
    [s.renumbered, 'renumbered'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, what]) => `${n} ${what}`);
  const clauses = parts.length > 0 ? `clauses: ${parts.join(', ')}` : 'clauses: no change';
  const extra = [
    s.fields > 0 ? `${s.fields} field change${s.fields === 1 ? '' : 's'}` : '',
    s.meta > 0 ? `${s.meta} setting change${s.meta === 1 ? '' : 's'}` : '',
    s.blocks > 0 ? `${s.blocks} other block change${s.blocks === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return [clauses, ...extra].join('; ');
}
