import type { FieldChange, MetaChange, TemplateDiff } from '@clausewright/diff';
import type { Condition } from '@clausewright/model';
import { type ReactElement, useMemo, useState } from 'react';
import { fetchTemplate, fetchTemplateMeta } from '../api.ts';
import { describeCondition } from '../conditions/describeCondition.ts';
import { uiText } from '../fields/uiText.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { useT } from '../i18n/useT.ts';
import { Link } from '../routing/Link.tsx';
import { navigate } from '../routing/navigate.ts';
import type { DiffSide } from '../routing/parseRoute.ts';
import { useUi } from '../state/uiStore.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { type DiffRow, diffRows, STATUS_ORDER } from './diffRows.ts';
import { ErrorNote } from './ErrorNote.tsx';
import { fetchDiff, fetchVersionModel, fetchVersions, restoreClause, restoreVersion } from './historyApi.ts';
import { SidePicker } from './SidePicker.tsx';
import { TextRuns, type TokenNames } from './TextRuns.tsx';
import { useLoad } from './useLoad.ts';
import './history.css';

/**
 * `/t/<id>/diff/<from>/<to>`: the clause-level diff between two versions or a version and the draft — the clause tree
 * with status badges, old → new labels and inline changes, field, condition and setting changes, and restore buttons
 * (a clause or the whole `from` version, into the draft).
 */
export function DiffPage({ id, from, to }: { id: string; from: DiffSide; to: DiffSide }): ReactElement {
  const t = useT();
  const diff = useLoad((signal) => fetchDiff(id, from, to, signal), [id, from, to]);
  const versions = useLoad((signal) => fetchVersions(id, signal), [id]);
  const fieldLabels = useLoad((signal) => loadFieldLabels(id, [to, from], signal), [id, from, to]);
  // Restoring changes the template: a viewer compares but is not offered it (the server refuses it anyway).
  const meta = useLoad((signal) => fetchTemplateMeta(id, signal), [id]);
  const canEdit = meta.data?.role !== 'viewer';
  const [changedOnly, setChangedOnly] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const go = (next: { from?: DiffSide; to?: DiffSide }) =>
    navigate({ page: 'diff', id, from: next.from ?? from, to: next.to ?? to });

  // After a restore the draft changed: show the diff again so the page says what is left.
  const act = async (action: () => Promise<string>) => {
    setError(null);
    setNotice(null);
    try {
      const done = await action();
      setNotice(done);
      diff.reload();
      fieldLabels.reload();
    } catch (e) {
      setError(e);
    }
  };

  const side = (s: DiffSide) => (s === 'draft' ? t('history.draft') : t('history.versionN', { n: s }));

  return (
    <main className="cw-page cw-diff-page" data-testid="diff-page" data-from={from} data-to={to}>
      <header className="cw-diff-head">
        <Link to={{ page: 'editor', id }} className="cw-back" title={t('history.backToEditor')} data-testid="diff-back">
          ←
        </Link>
        <h1>{t('history.diffTitle', { from: side(from), to: side(to) })}</h1>
      </header>
      <div className="cw-diff-controls">
        <SidePicker
          label={t('history.from')}
          value={from}
          versions={versions.data ?? []}
          onChange={(s) => go({ from: s })}
          testId="diff-from"
        />
        <button
          type="button"
          onClick={() => go({ from: to, to: from })}
          title={t('history.swapTitle')}
          data-testid="diff-swap"
        >
          {t('history.swap')}
        </button>
        <SidePicker
          label={t('history.to')}
          value={to}
          versions={versions.data ?? []}
          onChange={(s) => go({ to: s })}
          testId="diff-to"
        />
        <button type="button" onClick={diff.reload} disabled={diff.loading} data-testid="diff-refresh">
          {t('history.refresh')}
        </button>
        <span className="cw-spacer" />
        {typeof from === 'number' && canEdit && (
          <ConfirmButton
            testId="diff-restore-version"
            question={t('history.confirmRestoreVersion', { n: from })}
            onConfirm={() =>
              act(async () => {
                await restoreVersion(id, from);
                return t('history.restoredVersion', { n: from });
              })
            }
          >
            {t('history.restoreVersionN', { n: from })}
          </ConfirmButton>
        )}
      </div>
      {notice && (
        <p className="cw-history-notice" role="status" data-testid="history-notice">
          {notice}{' '}
          <button type="button" className="cw-link-button" onClick={() => setNotice(null)}>
            {t('history.dismiss')}
          </button>
        </p>
      )}
      <ErrorNote error={error} />
      <ErrorNote error={versions.error} prefix={t('history.loadFailed')} />
      {diff.error ? (
        <ErrorNote error={diff.error} />
      ) : diff.data === null ? (
        <p className="muted" aria-busy="true" data-testid="diff-loading">
          {t('common.loading')}
        </p>
      ) : (
        <DiffBody
          diff={diff.data}
          from={from}
          to={to}
          busy={diff.loading}
          fieldLabels={fieldLabels.data}
          changedOnly={changedOnly}
          onChangedOnly={setChangedOnly}
          canEdit={canEdit}
          onRestoreClause={(row, version) =>
            act(async () => {
              await restoreClause(id, row.id, version);
              return t('history.restoredClause', { n: version, label: row.oldLabel ?? row.id });
            })
          }
        />
      )}
    </main>
  );
}

/**
 * Field labels of both sides (the `to` side's first) for naming placeholders; labels are a nicety, so a side that
 * fails to load is left out rather than reported.
 */
async function loadFieldLabels(id: string, sides: DiffSide[], signal: AbortSignal): Promise<Map<string, string>> {
  const models = await Promise.allSettled(
    sides.map((s) => (s === 'draft' ? fetchTemplate(id, signal) : fetchVersionModel(id, s, signal))),
  );
  const labels = new Map<string, string>();
  for (const model of models) {
    if (model.status !== 'fulfilled') continue;
    for (const [key, def] of Object.entries(model.value.fields)) if (!labels.has(key)) labels.set(key, def.label);
  }
  return labels;
}

interface DiffBodyProps {
  diff: TemplateDiff;
  fieldLabels: ReadonlyMap<string, string> | null;
  from: DiffSide;
  to: DiffSide;
  busy: boolean;
  changedOnly: boolean;
  onChangedOnly(value: boolean): void;
  canEdit: boolean;
  onRestoreClause(row: DiffRow, version: number): Promise<void>;
}

function DiffBody({
  diff,
  fieldLabels,
  from,
  to,
  busy,
  changedOnly,
  onChangedOnly,
  canEdit,
  onRestoreClause,
}: DiffBodyProps) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const names = useMemo((): TokenNames => {
    const oldLabels = new Map<string, string>();
    const newLabels = new Map<string, string>();
    for (const c of diff.clauses) {
      if (c.old) oldLabels.set(c.oldId ?? c.id, c.old.label);
      if (c.new) newLabels.set(c.id, c.new.label);
    }
    const filters = uiText(lang).filters as Readonly<Record<string, string>>;
    return {
      field: (key) => fieldLabels?.get(key),
      filter: (name) => filters[name] ?? name,
      ref: (target, side) => (side === 'old' ? oldLabels : newLabels).get(target),
    };
  }, [diff, fieldLabels, lang]);
  const rows = useMemo(() => diffRows(diff, { changedOnly, from, to }), [diff, changedOnly, from, to]);
  const conditionRows = useMemo(
    () => diffRows(diff, { changedOnly: true, from, to }).filter((r) => r.conditionChanged),
    [diff, from, to],
  );
  const blocks = diff.blocks.filter((b) => b.status !== 'unchanged');
  return (
    <div className="cw-diff-body" aria-busy={busy} data-testid="diff-body" data-busy={busy}>
      <div className="cw-diff-summary" data-testid="diff-summary">
        {STATUS_ORDER.map((status) => (
          <span key={status} className={`cw-diff-count cw-status-${status}`} data-status={status}>
            <span className={`cw-badge cw-badge-${status}`}>{t(`history.status.${status}`)}</span>
            <span data-testid={`diff-count-${status}`}>{diff.summary[status]}</span>
          </span>
        ))}
        <label className="cw-changed-only">
          <input
            type="checkbox"
            checked={changedOnly}
            onChange={(e) => onChangedOnly(e.target.checked)}
            data-testid="diff-changed-only"
          />
          {t('history.changedOnly')}
        </label>
      </div>
      {diff.identical && (
        <p className="cw-history-notice" data-testid="diff-identical">
          {t('history.identical')}
        </p>
      )}

      <section className="cw-diff-section" aria-label={t('history.clauses')}>
        <h2>{t('history.clauses')}</h2>
        {rows.length === 0 ? (
          <p className="muted">{t('history.noClauseChanges')}</p>
        ) : (
          <ol className="cw-diff-tree" data-testid="diff-clauses">
            {rows.map((row) => (
              <ClauseRow
                key={`${row.id}:${row.status}`}
                row={row}
                names={names}
                canEdit={canEdit}
                onRestore={onRestoreClause}
              />
            ))}
          </ol>
        )}
      </section>

      {diff.fields.length > 0 && (
        <section className="cw-diff-section" data-testid="diff-fields">
          <h2>{t('history.fieldChanges')}</h2>
          <ul className="cw-diff-list">
            {diff.fields.map((f) => (
              <FieldChangeItem key={f.key} change={f} />
            ))}
          </ul>
        </section>
      )}

      {conditionRows.length > 0 && (
        <section className="cw-diff-section" data-testid="diff-conditions">
          <h2>{t('history.conditionChanges')}</h2>
          <ul className="cw-diff-list">
            {conditionRows.map((row) => (
              <li key={row.id} data-id={row.id}>
                <span className="cw-diff-label">{row.newLabel ?? row.oldLabel}</span>{' '}
                <ConditionText condition={row.oldCondition} names={names} /> →{' '}
                <ConditionText condition={row.newCondition} names={names} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {diff.meta.length > 0 && (
        <section className="cw-diff-section" data-testid="diff-meta">
          <h2>{t('history.metaChanges')}</h2>
          <ul className="cw-diff-list">
            {diff.meta.map((m) => (
              <MetaChangeItem key={m.property} change={m} />
            ))}
          </ul>
        </section>
      )}

      {blocks.length > 0 && (
        <section className="cw-diff-section" data-testid="diff-blocks">
          <h2>{t('history.blockChanges')}</h2>
          <ul className="cw-diff-list">
            {blocks.map((b) => (
              <li key={`${b.oldIndex ?? ''}:${b.newIndex ?? ''}`} data-status={b.status}>
                <span className={`cw-badge cw-badge-${b.status}`}>{t(`history.status.${b.status}`)}</span>{' '}
                <span className="cw-diff-text">
                  <TextRuns
                    empty={t('history.emptyText')}
                    names={names}
                    runs={
                      b.text ??
                      (b.status === 'added'
                        ? [{ op: 'insert', text: b.newText ?? '' }]
                        : [{ op: 'delete', text: b.oldText ?? '' }])
                    }
                  />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

interface ClauseRowProps {
  row: DiffRow;
  names: TokenNames;
  canEdit: boolean;
  onRestore(row: DiffRow, version: number): Promise<void>;
}

function ClauseRow({ row, names, canEdit, onRestore }: ClauseRowProps) {
  const t = useT();
  const restore = row.restore;
  const version = restore.kind === 'enabled' ? restore.version : null;
  return (
    <li
      className={`cw-diff-clause cw-status-${row.status}`}
      data-testid="diff-clause"
      data-id={row.id}
      data-status={row.status}
      style={{ '--lvl': row.level - 1 } as React.CSSProperties}
    >
      <div className="cw-diff-clause-head">
        <span className={`cw-badge cw-badge-${row.status}`} data-testid="diff-badge">
          {t(`history.status.${row.status}`)}
        </span>
        {row.alsoModified && <span className="cw-badge cw-badge-modified">{t('history.status.modified')}</span>}
        {row.conditionChanged && <span className="cw-badge cw-badge-condition">{t('history.conditionChanged')}</span>}
        {row.formattingChanged && <span className="cw-badge cw-badge-format">{t('history.formattingChanged')}</span>}
        <span className="cw-diff-label" data-testid="diff-label">
          {row.labelChanged ? (
            <>
              <del className="cw-diff-del">{row.oldLabel}</del> → <ins className="cw-diff-ins">{row.newLabel}</ins>
            </>
          ) : (
            (row.newLabel ?? row.oldLabel)
          )}
        </span>
        <span className="cw-spacer" />
        {restore.kind !== 'none' && canEdit && (
          <ConfirmButton
            testId="restore-clause"
            className="cw-small"
            disabled={restore.kind === 'disabled'}
            title={
              restore.kind === 'disabled'
                ? t('history.restoreOnlyIntoDraft')
                : t('history.restoreClauseTitle', { n: version ?? '' })
            }
            question={t('history.confirmRestoreClause', { n: version ?? '' })}
            onConfirm={() => (version === null ? Promise.resolve() : onRestore(row, version))}
          >
            {t('history.restoreClause')}
          </ConfirmButton>
        )}
      </div>
      <div className="cw-diff-text" data-testid="diff-text">
        <TextRuns runs={row.runs} empty={t('history.emptyText')} names={names} />
      </div>
      {restore.kind === 'disabled' && <div className="muted cw-diff-reason">{t('history.restoreOnlyIntoDraft')}</div>}
    </li>
  );
}

function ConditionText({ condition, names }: { condition: Condition | null; names: TokenNames }) {
  const t = useT();
  return (
    <span className="cw-diff-condition">
      {condition ? describeCondition(condition, names.field(condition.field)) : t('history.noCondition')}
    </span>
  );
}

const FIELD_PROPS = new Set(['type', 'label', 'required', 'options', 'default', 'currency', 'help']);

function propName(t: ReturnType<typeof useT>, property: string): string {
  return FIELD_PROPS.has(property) || ['title', 'numbering', 'locale', 'id', 'schemaVersion'].includes(property)
    ? t(`history.prop.${property}` as MessageKey)
    : property;
}

function show(t: ReturnType<typeof useT>, value: unknown): string {
  if (value === undefined || value === null) return t('history.notSet');
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

function FieldChangeItem({ change }: { change: FieldChange }) {
  const t = useT();
  const label = change.new?.label ?? change.old?.label ?? change.key;
  return (
    <li data-key={change.key} data-status={change.status}>
      <span className={`cw-badge cw-badge-${change.status}`}>{t(`history.status.${change.status}`)}</span>{' '}
      <strong>{label}</strong> <code>{change.key}</code>
      {change.status === 'changed' && change.changes && (
        <ul>
          {change.changes.map((c) => (
            <li key={c.property}>
              {propName(t, c.property)}: <del className="cw-diff-del">{show(t, c.old)}</del> →{' '}
              <ins className="cw-diff-ins">{show(t, c.new)}</ins>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function MetaChangeItem({ change }: { change: MetaChange }) {
  const t = useT();
  return (
    <li data-property={change.property}>
      {propName(t, change.property)}: <del className="cw-diff-del">{show(t, change.old)}</del> →{' '}
      <ins className="cw-diff-ins">{show(t, change.new)}</ins>
    </li>
  );
}
