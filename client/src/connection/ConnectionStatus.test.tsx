// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { INITIAL_CONNECTION, uiStore } from '../state/uiStore.ts';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import { closeProblem } from './connectionProblem.ts';
import { problemStore } from './problemStore.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function mount() {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  act(() => root.render(<ConnectionStatus />));
  const el = () => host.querySelector('[data-testid=connection-status]') as HTMLElement;
  return { el, unmount: () => act(() => root.unmount()) };
}

describe('ConnectionStatus', () => {
  afterEach(() => {
    act(() => uiStore.getState().setConnection(INITIAL_CONNECTION));
    act(() => problemStore.getState().setProblem(null));
    document.body.innerHTML = '';
  });

  it('carries the contract attributes and follows the store', () => {
    act(() => uiStore.getState().setLang('en'));
    const { el, unmount } = mount();
    expect(el().dataset.state).toBe('connecting');
    expect(el().textContent).toContain('Connecting');

    act(() => uiStore.getState().setConnection({ state: 'offline', lost: true, unsynced: 4 }));
    expect(el().dataset.state).toBe('offline');
    expect(el().dataset.unsynced).toBe('4');
    expect(el().textContent).toContain('4 unsynced changes');

    act(() => uiStore.getState().setConnection({ state: 'connecting' }));
    expect(el().textContent).toContain('Reconnecting');

    act(() => uiStore.getState().setConnection({ state: 'connected', lost: false, unsynced: 0, peers: 2 }));
    expect(el().dataset.unsynced).toBe('0');
    expect(el().textContent).toContain('Connected');
    expect(el().textContent).toContain('3 online');
    unmount();
  });

  it('speaks Chinese when the language is switched', () => {
    act(() => uiStore.getState().setLang('zh'));
    const { el, unmount } = mount();
    act(() => uiStore.getState().setConnection({ state: 'offline', lost: true, unsynced: 2 }));
    expect(el().textContent).toContain('离线');
    expect(el().textContent).toContain('2 处改动未同步');
    unmount();
  });

  it('says why the server ended the connection, in both languages, with a reload when syncing stopped', () => {
    act(() => uiStore.getState().setLang('en'));
    const { el, unmount } = mount();
    expect(el().querySelector('[data-testid=connection-problem]')).toBeNull();
    act(() => problemStore.getState().setProblem(closeProblem(1008, 'access revoked')));
    const problem = () => el().querySelector('[data-testid=connection-problem]') as HTMLElement;
    expect(problem().dataset.kind).toBe('revoked');
    expect(problem().textContent).toContain('Your access to this template was taken away.');
    expect(problem().querySelector('button')?.textContent).toBe('Reload');
    act(() => uiStore.getState().setLang('zh'));
    expect(problem().textContent).toContain('您对此模板的访问权限已被收回。');
    act(() => problemStore.getState().setProblem(closeProblem(1008, 'too many connections for this user (limit 2)')));
    expect(problem().dataset.kind).toBe('tooManyConnections');
    // Retrying may help here: no reload offered, the client keeps trying.
    expect(problem().querySelector('button')).toBeNull();
    unmount();
  });
});
