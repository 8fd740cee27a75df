import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import { useT } from '../i18n/useT.ts';
import { navigate } from '../routing/navigate.ts';
import { uiStore } from '../state/uiStore.ts';
import { logIn } from './authApi.ts';
import { safeNext } from './goToLogin.ts';
import './auth.css';

/** `/login`: username and password; once logged in, back to the page that sent us here (`?next=`). */
export function LoginPage() {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      const user = await logIn(username.trim(), password);
      uiStore.getState().setUser(user);
      navigate(safeNext(new URLSearchParams(location.search).get('next')), { replace: true });
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 401) setError(t('auth.wrong'));
      else if (err instanceof ApiError && err.status === 429) setError(t('auth.limited'));
      else setError(t('auth.failed', { message: (err as Error).message }));
    }
  };

  return (
    <main className="cw-page cw-login" data-testid="login-page">
      <form className="cw-form cw-login-form" onSubmit={submit}>
        <h1>{t('auth.title')}</h1>
        <label>
          {t('auth.username')}
          <input
            ref={first}
            data-testid="login-username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          {t('auth.password')}
          <input
            data-testid="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error ? (
          <p className="cw-login-error" role="alert" data-testid="login-error">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary" data-testid="login-submit" disabled={busy || !username || !password}>
          {busy ? t('auth.submitting') : t('auth.submit')}
        </button>
      </form>
    </main>
  );
}
