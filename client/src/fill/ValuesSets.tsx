import type { Values } from '@clausewright/model';
import { useCallback, useEffect, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { useUi } from '../state/uiStore.ts';
import {
  createValuesSet,
  deleteValuesSet,
  type FillVersion,
  fetchValuesSet,
  fetchValuesSets,
  updateValuesSet,
  type ValuesSet,
  type ValuesSetInfo,
} from './fillApi.ts';

interface Props {
  id: string;
  version: FillVersion;
  values: Values;
  /** Restores a reopened set: its values, and the version it was saved with. */
  onOpen(set: ValuesSet): Promise<void>;
}

/** Named sets of values for this template: save the form as one, reopen, overwrite or delete them. */
export function ValuesSets({ id, version, values, onOpen }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [sets, setSets] = useState<ValuesSetInfo[] | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  const reload = useCallback(
    (signal?: AbortSignal) =>
      fetchValuesSets(id, signal).then(setSets, (e: Error) => {
        if (!signal?.aborted) setNote({ ok: false, text: `${t('fill.setFailed')} ${e.message}` });
      }),
    [id, t],
  );
  useEffect(() => {
    const abort = new AbortController();
    void reload(abort.signal);
    return () => abort.abort();
  }, [reload]);

  // Every action reports what it did, or the server's error; the list is read again after each change.
  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      setNote({ ok: true, text: await action() });
    } catch (e) {
      setNote({ ok: false, text: `${t('fill.setFailed')} ${(e as Error).message}` });
    } finally {
      setBusy(false);
      void reload();
    }
  };

  const save = () =>
    run(async () => {
      const created = await createValuesSet(id, { name: name.trim(), version, values });
      setName('');
      return t('fill.setSaved', { name: created.name });
    });
  const open = (set: ValuesSetInfo) =>
    run(async () => {
      await onOpen(await fetchValuesSet(id, set.id));
      return t('fill.setOpened', { name: set.name });
    });
  const overwrite = (set: ValuesSetInfo) =>
    run(async () => {
      await updateValuesSet(id, set.id, { version, values });
      return t('fill.setOverwritten', { name: set.name });
    });
  const remove = (set: ValuesSetInfo) => {
    if (!window.confirm(t('fill.setDeleteConfirm', { name: set.name }))) return;
    void run(async () => {
      await deleteValuesSet(id, set.id);
      return t('fill.setDeleted', { name: set.name });
    });
  };

  return (
    <section className="cw-fill-card cw-fill-sets" data-testid="fill-sets">
      <h2>{t('fill.sets')}</h2>
      <form
        className="cw-fill-set-new"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void save();
        }}
      >
        <input
          aria-label={t('fill.setName')}
          placeholder={t('fill.setNamePlaceholder')}
          value={name}
          maxLength={200}
          data-testid="fill-set-name"
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={busy || !name.trim()} data-testid="fill-set-save">
          {t('fill.setSave')}
        </button>
      </form>
      {note ? (
        <p
          className={note.ok ? 'cw-fill-note' : 'cw-fill-error'}
          role={note.ok ? 'status' : 'alert'}
          data-testid="fill-set-note"
        >
          {note.text}
        </p>
      ) : null}
      {sets === null ? null : sets.length === 0 ? (
        <p className="muted">{t('fill.setsEmpty')}</p>
      ) : (
        <ul className="cw-fill-set-list">
          {sets.map((set) => (
            <li key={set.id} data-testid="fill-set" data-set-id={set.id} data-name={set.name}>
              <span className="cw-fill-set-name">{set.name}</span>
              <span className="cw-fill-set-meta muted">
                {set.version === 'draft'
                  ? t('fill.draftBadge')
                  : set.version === null
                    ? ''
                    : t('fill.setVersion', { n: set.version })}
                {set.by ? ` · ${set.by}` : ''} ·{' '}
                {t('fill.setUpdated', { when: new Date(set.updatedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') })}
              </span>
              <span className="actions">
                <button type="button" disabled={busy} data-testid="fill-set-open" onClick={() => void open(set)}>
                  {t('fill.setOpen')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  data-testid="fill-set-overwrite"
                  onClick={() => void overwrite(set)}
                >
                  {t('fill.setOverwrite')}
                </button>
                <button type="button" disabled={busy} data-testid="fill-set-delete" onClick={() => remove(set)}>
                  {t('fill.setDelete')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
