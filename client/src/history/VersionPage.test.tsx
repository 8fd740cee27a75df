// @vitest-environment happy-dom
import type { Template } from '@clausewright/model';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { uiStore } from '../state/uiStore.ts';
import type { VersionInfo } from './historyApi.ts';
import { VersionPage } from './VersionPage.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const V2: Template = {
  meta: { schemaVersion: 1, id: 'nda', title: '合同', locale: 'zh-CN', numbering: 'zh-article' },
  fields: {
    amount: { label: '合同金额', type: 'money' },
    installments: { label: '分期付款', type: 'boolean' },
  },
  body: [
    {
      type: 'clauses',
      clauses: [
        {
          id: 'pay',
          content: [{ type: 'text', text: '付款' }],
          paragraphs: [],
          children: [
            {
              id: 'sum',
              content: [
                { type: 'text', text: '金额为' },
                { type: 'field', key: 'amount', filter: 'rmb_upper' },
                { type: 'text', text: '，见' },
                { type: 'ref', target: 'late' },
              ],
              paragraphs: [],
              children: [],
            },
            {
              id: 'late',
              content: [{ type: 'text', text: '分期' }],
              paragraphs: [],
              condition: { kind: 'if', field: 'installments' },
              children: [],
            },
          ],
        },
      ],
    },
  ],
};
const VERSIONS: VersionInfo[] = [
  { version: 2, message: '调整付款', author: 'Ann', createdAt: new Date().toISOString(), hash: 'b' },
];

let root: Root | null = null;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  uiStore.getState().setLang('zh');
  vi.stubGlobal('fetch', async (url: string) => {
    if (url === '/api/templates/nda/versions/2/model') return json(200, V2);
    if (url === '/api/templates/nda/versions') return json(200, VERSIONS);
    return json(404, { error: 'version 9 does not exist' });
  });
});

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

async function render(version: number): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root?.render(<VersionPage id="nda" version={version} />));
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
  return host;
}

describe('VersionPage', () => {
  it('draws the version read-only with the labels it had, fields by label and conditions', async () => {
    const host = await render(2);
    const doc = host.querySelector('[data-testid=version-doc]');
    expect(doc?.getAttribute('contenteditable')).toBeNull();
    const labels = [...(doc?.querySelectorAll('p[data-type=clause]') ?? [])].map(
      (p) => `${p.getAttribute('data-id')}=${p.getAttribute('data-label')}`,
    );
    expect(labels).toEqual(['pay=第一条', 'sum=1-1', 'late=1-2']);
    const sum = doc?.querySelector('[data-id=sum]');
    expect(sum?.querySelector('[data-type=field]')?.textContent).toBe('合同金额 · 大写');
    expect(sum?.querySelector('[data-type=clauseRef]')?.textContent).toBe('1-2');
    expect(doc?.querySelector('[data-id=late] [data-testid=version-condition]')?.textContent).toBe('仅当 分期付款');
  });

  it('names the version, its message, author and time in the banner, with compare and restore', async () => {
    const host = await render(2);
    const banner = host.querySelector('[data-testid=version-banner]');
    expect(banner?.textContent).toContain('版本 2 — 调整付款 — Ann — 现在（只读）');
    expect(banner?.querySelector('[data-testid=version-compare-draft]')?.getAttribute('href')).toBe(
      '/t/nda/diff/2/draft',
    );
    expect(banner?.querySelector('[data-testid=version-restore]')).not.toBeNull();
  });

  it('says so when the version does not exist', async () => {
    const host = await render(9);
    expect(host.querySelector('[data-testid=version-missing]')?.textContent).toBe('没有这个版本。');
  });
});
