import { createStore, type StoreApi, useStore } from 'zustand';
import type { SessionUser } from '../auth/authApi.ts';
import { detectLang } from '../i18n/detectLang.ts';
import type { Lang } from '../i18n/messages.ts';
import { parseRoute, type Route } from '../routing/parseRoute.ts';

/** localStorage keys shared with the tests (see the DOM contract). */
export const LANG_KEY = 'clausewright.lang';
export const NAME_KEY = 'clausewright.name';

/** How the open document's websocket stands: see `connectionState`. */
export type ConnectionState = 'connected' | 'connecting' | 'offline';

export interface Connection {
  state: ConnectionState;
  /** True once a connection was lost and not yet synced again: "reconnecting" rather than "connecting". */
  lost: boolean;
  /** Local changes made while not synced with the server. */
  unsynced: number;
  /** Other people in the document. */
  peers: number;
}

export interface UiState {
  lang: Lang;
  /** Display name shown beside this user's caret; empty until asked. */
  name: string;
  route: Route;
  /** The logged-in account: undefined until the server answered, null when nobody is logged in. */
  user: SessionUser | null | undefined;
  connection: Connection;
  setLang(lang: Lang): void;
  /** Sets the logged-in account; its display name becomes the name shown beside this user's caret. */
  setUser(user: SessionUser | null): void;
  setName(name: string): void;
  setRoute(route: Route): void;
  setConnection(patch: Partial<Connection>): void;
}

/** Where the store reads its first values and keeps the persisted ones. */
export interface UiEnvironment {
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  browserLanguage: string | undefined;
  /** Path and query of the page, e.g. `/t/abc?name=Ann`. */
  pathname: string;
  search: string;
}

/** The connection before a document is open, and while its first connection is being made. */
export const INITIAL_CONNECTION: Connection = { state: 'connecting', lost: false, unsynced: 0, peers: 0 };

function readLang(env: UiEnvironment): Lang {
  const stored = safeGet(env.storage, LANG_KEY);
  return stored === 'zh' || stored === 'en' ? stored : detectLang(env.browserLanguage);
}

function readName(env: UiEnvironment): string {
  // `?name=` lets a shared link or a test skip the name dialog; it is kept like a typed name.
  const fromUrl = new URLSearchParams(env.search).get('name')?.trim();
  if (fromUrl) {
    safeSet(env.storage, NAME_KEY, fromUrl);
    return fromUrl;
  }
  return safeGet(env.storage, NAME_KEY)?.trim() ?? '';
}

/** The UI state of one page: language, display name, route and the open document's connection. */
export function createUiStore(env: UiEnvironment): StoreApi<UiState> {
  return createStore<UiState>()((set, get) => ({
    lang: readLang(env),
    name: readName(env),
    route: parseRoute(env.pathname),
    user: undefined,
    connection: INITIAL_CONNECTION,
    setLang(lang) {
      safeSet(env.storage, LANG_KEY, lang);
      set({ lang });
    },
    setName(name) {
      const trimmed = name.trim();
      if (!trimmed) return;
      safeSet(env.storage, NAME_KEY, trimmed);
      set({ name: trimmed });
    },
    setUser(user) {
      if (user) safeSet(env.storage, NAME_KEY, user.displayName);
      set(user ? { user, name: user.displayName } : { user });
    },
    setRoute(route) {
      set({ route });
    },
    setConnection(patch) {
      const current = get().connection;
      // Most events repeat the state we have; skipping them spares every subscriber a render.
      if (Object.entries(patch).every(([k, v]) => current[k as keyof Connection] === v)) return;
      set({ connection: { ...current, ...patch } });
    },
  }));
}

// Private browsing and full quotas throw from localStorage; the UI still works, it just forgets.
function safeGet(storage: UiEnvironment['storage'], key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function safeSet(storage: UiEnvironment['storage'], key: string, value: string): void {
  try {
    storage.setItem(key, value);
  } catch {
    // See safeGet.
  }
}

/** The page's one UI store. */
export const uiStore: StoreApi<UiState> = createUiStore({
  storage: typeof localStorage === 'undefined' ? memoryStorage() : localStorage,
  browserLanguage: typeof navigator === 'undefined' ? undefined : navigator.language,
  pathname: typeof location === 'undefined' ? '/' : location.pathname,
  search: typeof location === 'undefined' ? '' : location.search,
});

/** Subscribes a component to one slice of the UI store. */
export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(uiStore, selector);
}

function memoryStorage(): UiEnvironment['storage'] {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}
