import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import { useT } from '../i18n/useT.ts';
import { changePassword } from './authApi.ts';

const MIN_LENGTH = 8;

/** Changes the logged-in account's password (the current one asked again); other sessions end. */
export function PasswordDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ([...next].length < MIN_LENGTH) return setMessage({ ok: false, text: t('auth.tooShort') });
    if (next !== repeat) return setMessage({ ok: false, text: t('auth.mismatch') });
    setBusy(true);
    try {
      await changePassword(current, next);
      setMessage({ ok: true, text: t('auth.saved') });
      setCurrent('');
      setNext('');
      setRepeat('');
    } catch (err) {
      const wrong = err instanceof ApiError && err.status === 403;
      setMessage({ ok: false, text: wrong ? t('auth.wrongCurrent') : (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="cw-modal-backdrop">
      <form
        className="cw-modal cw-form"
        role="dialog"
        aria-modal="true"
        aria-labelledby="password-dialog-title"
        data-testid="password-dialog"
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2 id="password-dialog-title">{t('auth.changePassword')}</h2>
        <label>
          {t('auth.current')}
          <input
            ref={first}
            type="password"
            autoComplete="current-password"
            data-testid="password-current"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </label>
        <label>
          {t('auth.next')}
          <input
            type="password"
            autoComplete="new-password"
            data-testid="password-next"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        </label>
        <label>
          {t('auth.repeat')}
          <input
            type="password"
            autoComplete="new-password"
            data-testid="password-repeat"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
        </label>
        {message ? (
          <p className={message.ok ? 'cw-auth-ok' : 'cw-login-error'} role="status" data-testid="password-message">
            {message.text}
          </p>
        ) : null}
        <div className="actions end">
          <button type="button" onClick={onClose}>
            {t('share.close')}
          </button>
          <button type="submit" className="primary" data-testid="password-save" disabled={busy || !current || !next}>
            {t('auth.save')}
          </button>
        </div>
      </form>
    </div>
  );
}
