// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { uiStore } from '../state/uiStore.ts';
import { HistoryPanel } from './HistoryPanel.tsx';
import type { VersionInfo } from './historyApi.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Call {
  method: string;
  url: string;
  body: unknown;
}

let root: Root | null = null;
let calls: Call[] = [];
let versions: VersionInfo[] = [];

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  uiStore.getState().setLang('zh');
  uiStore.getState().setName('王律师');
  calls = [];
  versions = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body });
    if (url === '/api/templates/nda/versions' && method === 'GET') return json(200, versions);
    if (url === '/api/templates/nda/versions' && method === 'POST') {
      const created = {
        version: versions.length + 1,
        message: body.message,
        // The server signs a version with the logged-in account's display name.
        author: '王律师',
        createdAt: new Date().toISOString(),
        hash: 'h',
      };
      versions = [created, ...versions];
      return json(201, created);
    }
    if (url === '/api/templates/nda/versions/1/restore' && method === 'POST') return json(500, { error: 'disk full' });
    return json(404, { error: `no route ${method} ${url}` });
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

async function render(canEdit = true): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root?.render(<HistoryPanel id="nda" canEdit={canEdit} onClose={() => {}} />));
  await settle();
  return host;
}

async function type(input: HTMLInputElement, value: string): Promise<void> {
  // React tracks the value it set; go through the native setter so it sees a change.
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  await act(async () => {
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit(host: HTMLElement): Promise<void> {
  await act(async () => host.querySelector<HTMLButtonElement>('[data-testid=publish-button]')?.click());
  await settle();
}

const items = (host: HTMLElement) =>
  [...host.querySelectorAll('[data-testid=version-item]')].map((el) => el.getAttribute('data-version'));

describe('HistoryPanel', () => {
  it('says when nothing was published yet', async () => {
    const host = await render();
    expect(host.querySelector('[data-testid=history-empty]')?.textContent).toBe('还没有发布过版本。');
  });

  it('refuses a blank message without asking the server', async () => {
    const host = await render();
    await type(host.querySelector('[data-testid=publish-message]') as HTMLInputElement, '   ');
    await submit(host);
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    expect(host.querySelector('[data-testid=history-error]')?.textContent).toContain('请填写版本说明');
  });

  it('publishes without naming an author (the server signs it) and lists the new version, newest first', async () => {
    const host = await render();
    const input = host.querySelector('[data-testid=publish-message]') as HTMLInputElement;
    await type(input, ' v1 — 初稿 ');
    await submit(host);
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ message: 'v1 — 初稿' });
    expect(items(host)).toEqual(['1']);
    expect(input.value).toBe('');
    await type(input, 'v2');
    await submit(host);
    expect(items(host)).toEqual(['2', '1']);
    const newest = host.querySelector('[data-testid=version-item]');
    expect(newest?.textContent).toContain('王律师');
    // Compare with previous only where there is one; links carry the routes.
    expect(newest?.querySelector('[data-testid=version-compare-previous]')?.getAttribute('href')).toBe(
      '/t/nda/diff/1/2',
    );
    expect(newest?.querySelector('[data-testid=version-compare-draft]')?.getAttribute('href')).toBe(
      '/t/nda/diff/2/draft',
    );
    const oldest = host.querySelectorAll('[data-testid=version-item]')[1];
    expect(oldest?.querySelector('[data-testid=version-compare-previous]')).toBeNull();
    expect(oldest?.querySelector('[data-testid=version-open]')?.getAttribute('href')).toBe('/t/nda/versions/1');
    const time = newest?.querySelector('time');
    expect(time?.getAttribute('title')).toMatch(/\d{2}:\d{2}:\d{2}/);
  });

  it('offers a viewer the versions to open and compare, but neither publishing nor restoring', async () => {
    versions = [{ version: 1, message: '初稿', author: null, createdAt: '2026-11-25T10:00:00Z', hash: 'a' }];
    const host = await render(false);
    expect(items(host)).toEqual(['1']);
    expect(host.querySelector('[data-testid=publish-form]')).toBeNull();
    expect(host.querySelector('[data-testid=version-restore]')).toBeNull();
    expect(host.querySelector('[data-testid=version-open]')).not.toBeNull();
  });

  it('asks before restoring a whole version and shows the server error', async () => {
    versions = [{ version: 1, message: '初稿', author: null, createdAt: '2026-11-25T10:00:00Z', hash: 'a' }];
    const host = await render();
    await act(async () => host.querySelector<HTMLButtonElement>('[data-testid=version-restore]')?.click());
    expect(calls.some((c) => c.url.endsWith('/restore'))).toBe(false);
    expect(host.querySelector('[data-testid=version-restore-asking]')?.textContent).toContain('用版本 1 替换当前草稿');
    await act(async () => host.querySelector<HTMLButtonElement>('[data-testid=version-restore-confirm]')?.click());
    await settle();
    expect(calls.some((c) => c.method === 'POST' && c.url === '/api/templates/nda/versions/1/restore')).toBe(true);
    expect(host.querySelector('[data-testid=history-error]')?.textContent).toContain('disk full');
    expect(host.querySelector('[data-testid=version-item]')?.textContent).toContain('匿名');
  });
});
