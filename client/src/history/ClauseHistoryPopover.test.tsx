// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { uiStore } from '../state/uiStore.ts';
import { ClauseHistoryPopover } from './ClauseHistoryPopover.tsx';
import type { ClauseHistory, VersionInfo } from './historyApi.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const HISTORY: ClauseHistory = {
  clauseId: 'pay',
  changes: [
    { version: 1, createdAt: '2026-11-20T10:00:00Z', message: '初稿', author: 'Ann', status: 'added', newLabel: '1-1' },
    {
      version: 3,
      createdAt: '2026-11-24T10:00:00Z',
      message: '调整',
      author: 'Bo',
      status: 'renumbered',
      oldLabel: '1-1',
      newLabel: '1-2',
    },
    { version: 'draft', createdAt: '2026-11-26T10:00:00Z', message: null, author: null, status: 'modified' },
  ],
  since: {
    version: 3,
    editors: [
      { author: 'Cy', lastAt: '2026-11-26T10:00:00Z' },
      { author: 'restore', lastAt: '2026-11-25T10:00:00Z' },
    ],
  },
};
const VERSIONS: VersionInfo[] = [3, 2, 1].map((version) => ({
  version,
  message: `v${version}`,
  author: null,
  createdAt: '2026-11-20T10:00:00Z',
  hash: String(version),
}));

let root: Root | null = null;
let posts: { url: string; body: unknown }[] = [];

beforeEach(() => {
  uiStore.getState().setLang('zh');
  posts = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    if (init.method === 'POST') posts.push({ url, body: JSON.parse(String(init.body)) });
    const body = url.endsWith('/history') ? HISTORY : url.endsWith('/versions') ? VERSIONS : { restored: 'clause' };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
});

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
}

async function render(onNavigate = () => {}): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () =>
    root?.render(<ClauseHistoryPopover templateId="nda" clauseId="pay" label="1-2" onNavigate={onNavigate} />),
  );
  await settle();
  return host;
}

const entries = (host: HTMLElement) => [...host.querySelectorAll('[data-testid=clause-history-entry]')];

describe('ClauseHistoryPopover', () => {
  it('lists the changes newest first, each linking to the diff that shows it', async () => {
    const host = await render();
    expect(entries(host).map((e) => `${e.getAttribute('data-version')}:${e.getAttribute('data-status')}`)).toEqual([
      'draft:modified',
      '3:renumbered',
      '1:added',
    ]);
    const links = entries(host).map((e) => e.querySelector('[data-testid=clause-history-diff]')?.getAttribute('href'));
    expect(links).toEqual(['/t/nda/diff/3/draft', '/t/nda/diff/2/3', '/t/nda/versions/1']);
    expect(entries(host)[1]?.textContent).toContain('1-1 → 1-2');
    expect(entries(host)[1]?.textContent).toContain('调整 — Bo');
  });

  it('names who edited the clause since the latest version, the server own writes in words', async () => {
    const host = await render();
    const editors = host.querySelector('[data-testid=clause-editors]')?.textContent ?? '';
    expect(editors).toContain('版本 3 之后编辑过');
    expect(editors).toContain('Cy');
    expect(editors).toContain('（恢复操作）');
    expect(editors).not.toContain('restore');
  });

  it('restores the clause from a version after asking, and offers it only for published versions', async () => {
    const host = await render();
    expect(entries(host)[0]?.querySelector('[data-testid=clause-history-restore]')).toBeNull();
    const fromV3 = entries(host)[1]?.querySelector<HTMLButtonElement>('[data-testid=clause-history-restore]');
    expect(fromV3?.textContent).toBe('从版本 3 恢复');
    await act(async () => fromV3?.click());
    expect(posts).toEqual([]);
    await act(async () =>
      host.querySelector<HTMLButtonElement>('[data-testid=clause-history-restore-confirm]')?.click(),
    );
    await settle();
    expect(posts).toEqual([{ url: '/api/templates/nda/clauses/pay/restore', body: { version: 3 } }]);
    expect(host.querySelector('[data-testid=history-notice]')?.textContent).toBe('已从版本 3 恢复条款 1-2。');
  });

  it('closes itself when a link leaves the editor', async () => {
    const onNavigate = vi.fn();
    const host = await render(onNavigate);
    await act(async () => host.querySelector<HTMLAnchorElement>('[data-testid=clause-history-diff]')?.click());
    expect(onNavigate).toHaveBeenCalledOnce();
    expect(uiStore.getState().route).toEqual({ page: 'diff', id: 'nda', from: 3, to: 'draft' });
  });
});
