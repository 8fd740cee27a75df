import { describe, expect, it } from 'vitest';
import { createUiStore, LANG_KEY, NAME_KEY, type UiEnvironment } from './uiStore.ts';

function env(overrides: Partial<UiEnvironment> = {}, stored: Record<string, string> = {}) {
  const map = new Map(Object.entries(stored));
  const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
  return { map, env: { storage, browserLanguage: 'en-US', pathname: '/', search: '', ...overrides } };
}

describe('the UI store', () => {
  it('takes the language from the browser until one is chosen, then keeps the choice', () => {
    const { map, env: e } = env({ browserLanguage: 'zh-CN' });
    const store = createUiStore(e);
    expect(store.getState().lang).toBe('zh');
    store.getState().setLang('en');
    expect(store.getState().lang).toBe('en');
    expect(map.get(LANG_KEY)).toBe('en');
    expect(createUiStore(e).getState().lang).toBe('en');
  });

  it('ignores a stored language it does not know', () => {
    const { env: e } = env({ browserLanguage: 'zh-TW' }, { [LANG_KEY]: 'fr' });
    expect(createUiStore(e).getState().lang).toBe('zh');
  });

  it('keeps the display name, trimmed, and refuses a blank one', () => {
    const { map, env: e } = env();
    const store = createUiStore(e);
    expect(store.getState().name).toBe('');
    store.getState().setName('  Ann  ');
    expect(store.getState().name).toBe('Ann');
    store.getState().setName('   ');
    expect(store.getState().name).toBe('Ann');
    expect(map.get(NAME_KEY)).toBe('Ann');
  });

  it('takes ?name= from the URL over the stored name and stores it', () => {
    const { map, env: e } = env({ search: '?name=%E7%8E%8B%E5%BE%8B%E5%B8%88' }, { [NAME_KEY]: 'Old' });
    expect(createUiStore(e).getState().name).toBe('王律师');
    expect(map.get(NAME_KEY)).toBe('王律师');
  });

  it('starts on the route of the URL', () => {
    const { env: e } = env({ pathname: '/t/nda/preview' });
    expect(createUiStore(e).getState().route).toEqual({ page: 'fill', id: 'nda' });
  });

  it('works when storage throws', () => {
    const storage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const store = createUiStore({ storage, browserLanguage: 'en', pathname: '/', search: '' });
    store.getState().setName('Ann');
    expect(store.getState().name).toBe('Ann');
  });

  it('notifies subscribers only when the connection really changes', () => {
    const { env: e } = env();
    const store = createUiStore(e);
    let calls = 0;
    store.subscribe(() => calls++);
    store.getState().setConnection({ state: 'connected' });
    store.getState().setConnection({ state: 'connected', unsynced: 0 });
    expect(calls).toBe(1);
    store.getState().setConnection({ unsynced: 2 });
    expect(store.getState().connection).toMatchObject({ state: 'connected', unsynced: 2 });
    expect(calls).toBe(2);
  });

  it('starts with the session unknown; a logged-in account sets the display name, a logout keeps it', () => {
    const { map, env: e } = env({}, { [NAME_KEY]: 'Old' });
    const store = createUiStore(e);
    expect(store.getState().user).toBeUndefined();
    store.getState().setUser({ username: 'wang', displayName: '王律师', admin: false });
    expect(store.getState().name).toBe('王律师');
    expect(map.get(NAME_KEY)).toBe('王律师');
    store.getState().setUser(null);
    expect(store.getState().user).toBeNull();
    expect(store.getState().name).toBe('王律师');
  });
});
