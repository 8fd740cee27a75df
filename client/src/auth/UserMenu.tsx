import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { navigate } from '../routing/navigate.ts';
import { uiStore, useUi } from '../state/uiStore.ts';
import { logOut } from './authApi.ts';
import { PasswordDialog } from './PasswordDialog.tsx';
import './auth.css';

/** The logged-in account in the header: its display name, opening a menu to change the password or log out. */
export function UserMenu() {
  const t = useT();
  const user = useUi((s) => s.user);
  const [open, setOpen] = useState(false);
  const [changing, setChanging] = useState(false);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  if (!user) return null;
  const out = async () => {
    setOpen(false);
    await logOut().catch(() => undefined);
    uiStore.getState().setUser(null);
    navigate('/login');
  };
  return (
    <div className="cw-user-menu" ref={menu}>
      <button
        type="button"
        className="cw-chip"
        data-testid="user-menu"
        data-username={user.username}
        aria-haspopup="menu"
        aria-expanded={open}
        title={t('auth.menuTitle')}
        onClick={() => setOpen((o) => !o)}
      >
        {t('auth.menu', { name: user.displayName })}
      </button>
      {open ? (
        <div className="cw-user-menu-list" role="menu">
          <button
            type="button"
            role="menuitem"
            data-testid="user-change-password"
            onClick={() => {
              setOpen(false);
              setChanging(true);
            }}
          >
            {t('auth.changePassword')}
          </button>
          <button type="button" role="menuitem" data-testid="user-logout" onClick={out}>
            {t('auth.logout')}
          </button>
        </div>
      ) : null}
      {changing ? <PasswordDialog onClose={() => setChanging(false)} /> : null}
    </div>
  );
}
