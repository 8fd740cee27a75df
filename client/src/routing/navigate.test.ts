// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { uiStore } from '../state/uiStore.ts';
import { listenToHistory, navigate } from './navigate.ts';

describe('navigate', () => {
  afterEach(() => navigate('/', { replace: true }));

  it('pushes the URL and updates the store route without a reload', () => {
    const before = history.length;
    navigate({ page: 'editor', id: '服务 协议' });
    expect(location.pathname).toBe('/t/%E6%9C%8D%E5%8A%A1%20%E5%8D%8F%E8%AE%AE');
    expect(uiStore.getState().route).toEqual({ page: 'editor', id: '服务 协议' });
    expect(history.length).toBe(before + 1);
  });

  it('replaces the entry when asked', () => {
    const before = history.length;
    navigate('/t/a/fill', { replace: true });
    expect(history.length).toBe(before);
    expect(uiStore.getState().route).toEqual({ page: 'fill', id: 'a' });
  });

  it('follows the back button', () => {
    const stop = listenToHistory();
    history.pushState(null, '', '/t/b');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(uiStore.getState().route).toEqual({ page: 'editor', id: 'b' });
    stop();
    history.pushState(null, '', '/t/c');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(uiStore.getState().route).toEqual({ page: 'editor', id: 'b' });
  });
});
