import { navigate } from '../routing/navigate.ts';
import { uiStore } from '../state/uiStore.ts';

/** Where the login page goes back to: a path of this app (never another origin). */
export function safeNext(raw: string | null): string {
  return raw?.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/login') ? raw : '/';
}

/** Shows the login page, remembering the page to come back to (`?next=`). */
export function goToLogin(): void {
  if (typeof location === 'undefined' || location.pathname === '/login') return;
  uiStore.getState().setUser(null);
  navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
}
