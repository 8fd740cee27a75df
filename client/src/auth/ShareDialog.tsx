import { useCallback, useEffect, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { useUi } from '../state/uiStore.ts';
import {
  fetchMembers,
  fetchUsers,
  type Member,
  removeMember,
  setMember,
  TEMPLATE_ROLES,
  type TemplateRole,
} from './authApi.ts';
import './auth.css';

/** The sharing dialog of a template's owner: who has which role; add someone, change a role, remove someone. */
export function ShareDialog({ id, title, onClose }: { id: string; title: string; onClose(): void }) {
  const t = useT();
  const me = useUi((s) => s.user?.username);
  const [members, setMembers] = useState<Member[]>([]);
  const [users, setUsers] = useState<{ username: string; displayName: string }[]>([]);
  const [pick, setPick] = useState('');
  const [role, setRole] = useState<TemplateRole>('editor');
  const [error, setError] = useState('');

  const reload = useCallback(async () => {
    setMembers(await fetchMembers(id));
  }, [id]);
  useEffect(() => {
    reload().catch((e: Error) => setError(e.message));
    fetchUsers().then(setUsers, (e: Error) => setError(e.message));
  }, [reload]);

  const act = async (action: () => Promise<unknown>) => {
    setError('');
    try {
      await action();
      await reload();
    } catch (e) {
      setError(t('share.failed', { message: (e as Error).message }));
    }
  };
  const candidates = users.filter((u) => !members.some((m) => m.username === u.username));

  return (
    <div className="cw-modal-backdrop">
      <div
        className="cw-modal cw-share"
        role="dialog"
        aria-modal="true"
        aria-labelledby="share-dialog-title"
        data-testid="share-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2 id="share-dialog-title">{t('share.title', { title })}</h2>
        <p className="muted">{t('share.hint')}</p>
        <ul className="cw-share-members">
          {members.map((m) => (
            <li key={m.username} data-testid="share-member" data-username={m.username} data-role={m.role}>
              <span className="cw-share-name">
                {m.displayName} <span className="muted">@{m.username}</span>
                {m.username === me ? <span className="muted"> {t('share.you')}</span> : null}
              </span>
              <select
                aria-label={t('share.user')}
                data-testid="share-role"
                value={m.role}
                onChange={(e) => act(() => setMember(id, m.username, e.target.value as TemplateRole))}
              >
                {TEMPLATE_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
              <button type="button" data-testid="share-remove" onClick={() => act(() => removeMember(id, m.username))}>
                {t('share.remove')}
              </button>
            </li>
          ))}
        </ul>
        <form
          className="cw-share-add"
          onSubmit={(e) => {
            e.preventDefault();
            if (pick) act(() => setMember(id, pick, role)).then(() => setPick(''));
          }}
        >
          <select
            aria-label={t('share.user')}
            data-testid="share-user"
            value={pick}
            onChange={(e) => setPick(e.target.value)}
          >
            <option value="">{t('share.pick')}</option>
            {candidates.map((u) => (
              <option key={u.username} value={u.username}>
                {u.displayName} (@{u.username})
              </option>
            ))}
          </select>
          <select
            aria-label={t('share.user')}
            data-testid="share-new-role"
            value={role}
            onChange={(e) => setRole(e.target.value as TemplateRole)}
          >
            {TEMPLATE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="primary" data-testid="share-add" disabled={!pick}>
            {t('share.add')}
          </button>
        </form>
        {error ? (
          <p className="cw-login-error" role="alert" data-testid="share-error">
            {error}
          </p>
        ) : null}
        <div className="actions end">
          <button type="button" data-testid="share-close" onClick={onClose}>
            {t('share.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
