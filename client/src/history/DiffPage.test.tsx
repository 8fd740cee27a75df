// @vitest-environment happy-dom
import { diffTemplates } from '@clausewright/diff';
import type { Clause, Template } from '@clausewright/model';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DiffSide } from '../routing/parseRoute.ts';
import { uiStore } from '../state/uiStore.ts';
import { DiffPage } from './DiffPage.tsx';
import type { VersionInfo } from './historyApi.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const clause = (id: string, text: string, children: Clause[] = []): Clause => ({
  id,
  // A clause ending in 付款。 names the amount field there, so placeholders show up in its text.
  content: text.endsWith('付款。')
    ? [
        { type: 'text', text: text.slice(0, -1) },
        { type: 'field', key: 'amount', filter: 'rmb_upper' },
        { type: 'text', text: '。' },
      ]
    : [{ type: 'text', text }],
  paragraphs: [],
  children,
});
const template = (clauses: Clause[], fields: Template['fields'] = {}): Template => ({
  meta: { schemaVersion: 1, id: 'nda', title: '合同', locale: 'zh-CN', numbering: 'zh-article' },
  fields,
  body: [{ type: 'clauses', clauses }],
});
const V1 = template([clause('a', '总则', [clause('pay', '甲方应于三十日内付款。')]), clause('b', '其他')], {
  amount: { label: '金额', type: 'money' },
});
const DRAFT = template([clause('a', '总则', [clause('pay', '甲方应于十五日内付款。')]), clause('b', '其他')], {
  amount: { label: '合同金额', type: 'money', required: true },
});
const VERSIONS: VersionInfo[] = [
  { version: 2, message: '二稿', author: 'Ann', createdAt: '2026-11-26T10:00:00Z', hash: 'b' },
  { version: 1, message: '初稿', author: 'Ann', createdAt: '2026-11-25T10:00:00Z', hash: 'a' },
];

interface Call {
  method: string;
  url: string;
  body: unknown;
}

let root: Root | null = null;
let calls: Call[] = [];
let draft = DRAFT;
let failDiff = false;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The caller's role on the template, as `GET /api/templates/nda` says. */
let role: 'owner' | 'editor' | 'viewer' = 'owner';

beforeEach(() => {
  uiStore.getState().setLang('zh');
  calls = [];
  draft = DRAFT;
  failDiff = false;
  role = 'owner';
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    calls.push({ method, url, body: init.body ? JSON.parse(String(init.body)) : undefined });
    if (url.startsWith('/api/templates/nda/diff?')) {
      if (failDiff) return json(500, { error: 'the store is down' });
      return json(200, diffTemplates(V1, draft));
    }
    if (url === '/api/templates/nda') return json(200, { id: 'nda', role });
    if (url === '/api/templates/nda/versions') return json(200, VERSIONS);
    if (url === '/api/templates/nda/model') return json(200, draft);
    if (url === '/api/templates/nda/versions/1/model') return json(200, V1);
    if (url === '/api/templates/nda/clauses/pay/restore' && method === 'POST') {
      draft = V1;
      return json(200, { restored: 'clause', version: 1, clauseId: 'pay' });
    }
    return json(404, { error: `no route ${method} ${url}` });
  });
});

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

async function render(from: DiffSide, to: DiffSide): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root?.render(<DiffPage id="nda" from={from} to={to} />));
  await settle();
  return host;
}

/** Lets the stubbed requests resolve and React render their results. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
}

const rows = (host: HTMLElement) =>
  [...host.querySelectorAll('[data-testid=diff-clause]')].map(
    (el) => `${el.getAttribute('data-id')}:${el.getAttribute('data-status')}`,
  );

describe('DiffPage', () => {
  it('asks for the two sides and shows the changed clause with its insertions and deletions', async () => {
    const host = await render(1, 'draft');
    expect(calls.some((c) => c.url === '/api/templates/nda/diff?from=1&to=draft')).toBe(true);
    expect(host.querySelector('h1')?.textContent).toBe('版本比较：版本 1 → 当前草稿');
    expect(rows(host)).toEqual(['pay:modified']);
    const pay = host.querySelector('[data-id=pay]');
    expect(pay?.querySelector('del.cw-diff-del')?.textContent).toBe('三十');
    expect(pay?.querySelector('ins.cw-diff-ins')?.textContent).toBe('十五');
    expect(pay?.querySelector('[data-testid=diff-badge]')?.textContent).toBe('修改');
    expect(host.querySelector('[data-testid=diff-count-modified]')?.textContent).toBe('1');
    expect(host.querySelector('[data-testid=diff-count-unchanged]')?.textContent).toBe('2');
  });

  it('names field placeholders by their label on the `to` side, the raw placeholder on hover', async () => {
    const host = await render(1, 'draft');
    const chip = host.querySelector('[data-id=pay] [data-testid=diff-text] [data-key=amount]');
    expect(chip?.textContent).toBe('合同金额 · 大写');
    expect(chip?.getAttribute('title')).toBe('{{amount|rmb_upper}}');
  });

  it('shows unchanged clauses too when "changed only" is turned off', async () => {
    const host = await render(1, 'draft');
    const box = host.querySelector<HTMLInputElement>('[data-testid=diff-changed-only]');
    expect(box?.checked).toBe(true);
    await act(async () => box?.click());
    expect(rows(host)).toEqual(['a:unchanged', 'pay:modified', 'b:unchanged']);
  });

  it('lists field definition changes in their own section', async () => {
    const host = await render(1, 'draft');
    const fields = host.querySelector('[data-testid=diff-fields]');
    expect(fields?.textContent).toContain('合同金额');
    expect(fields?.textContent).toContain('名称');
    expect(fields?.querySelector('del')?.textContent).toBe('金额');
  });

  it('restores a clause from the `from` version into the draft, then shows the diff again with a notice', async () => {
    const host = await render(1, 'draft');
    const button = host.querySelector<HTMLButtonElement>('[data-id=pay] [data-testid=restore-clause]');
    expect(button?.disabled).toBe(false);
    await act(async () => button?.click());
    await act(async () => host.querySelector<HTMLButtonElement>('[data-testid=restore-clause-confirm]')?.click());
    await settle();
    const restore = calls.find((c) => c.method === 'POST');
    expect(restore).toEqual({ method: 'POST', url: '/api/templates/nda/clauses/pay/restore', body: { version: 1 } });
    expect(calls.filter((c) => c.url.includes('/diff?')).length).toBe(2);
    expect(host.querySelector('[data-testid=history-notice]')?.textContent).toContain('已从版本 1 恢复条款 1-1');
    expect(rows(host)).toEqual([]);
  });

  it('shows clause restore disabled, with the reason, when `to` is not the draft', async () => {
    const host = await render(1, 2);
    const button = host.querySelector<HTMLButtonElement>('[data-id=pay] [data-testid=restore-clause]');
    expect(button?.disabled).toBe(true);
    expect(host.querySelector('[data-id=pay]')?.textContent).toContain('只能恢复到当前草稿');
  });

  it('offers a viewer the diff but no restore', async () => {
    role = 'viewer';
    const host = await render(1, 'draft');
    expect(rows(host).length).toBeGreaterThan(0);
    expect(host.querySelector('[data-testid=restore-clause]')).toBeNull();
    expect(host.querySelector('[data-testid=diff-restore-version]')).toBeNull();
  });

  it('offers no restore when `from` is the draft', async () => {
    const host = await render('draft', 1);
    expect(host.querySelector('[data-testid=restore-clause]')).toBeNull();
    expect(host.querySelector('[data-testid=diff-restore-version]')).toBeNull();
  });

  it('says why the diff failed instead of showing nothing', async () => {
    failDiff = true;
    const host = await render(1, 'draft');
    expect(host.querySelector('[data-testid=history-error]')?.textContent).toContain('the store is down');
  });

  it('speaks English too', async () => {
    uiStore.getState().setLang('en');
    const host = await render(1, 'draft');
    expect(host.querySelector('[data-id=pay] [data-testid=diff-badge]')?.textContent).toBe('modified');
    expect(host.querySelector('[data-testid=restore-clause]')?.textContent).toBe('Restore this clause');
  });
});
