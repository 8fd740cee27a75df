// @vitest-environment happy-dom
import { templateExtensions } from '@clausewright/schema';
import { Editor } from '@tiptap/core';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { uiStore } from '../state/uiStore.ts';
import { FieldChip } from './FieldChip.ts';
import { FieldsPanel } from './FieldsPanel.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let editor: Editor | null = null;
let root: Root | null = null;

beforeEach(() => uiStore.getState().setLang('zh'));

afterEach(() => {
  act(() => root?.unmount());
  editor?.destroy();
  editor = null;
  root = null;
  document.body.replaceChildren();
});

function setup() {
  const fields = new Y.Doc().getMap<unknown>('fields');
  fields.set('amount', { label: '金额', type: 'money' });
  fields.set('pay_mode', { label: '付款方式', type: 'choice', options: ['一次性', '分期'] });
  fields.set('note', { label: '备注', type: 'text' });
  const element = document.createElement('div');
  document.body.append(element);
  editor = new Editor({
    element,
    extensions: [...templateExtensions.filter((e) => e.name !== 'field'), FieldChip.configure({ fields })],
    content: {
      type: 'doc',
      content: [
        {
          type: 'clause',
          attrs: { id: 'fee', level: 1 },
          content: [{ type: 'field', attrs: { key: 'amount', filter: null } }],
        },
        { type: 'clause', attrs: { id: 'install', level: 2, if: 'pay_mode=分期' }, content: [] },
      ],
    },
  });
  // The numbering plugin's labels, as the page renders them.
  editor.view.dom.querySelector('[data-id=fee]')?.setAttribute('data-label', '第一条');
  editor.view.dom.querySelector('[data-id=install]')?.setAttribute('data-label', '1-1');
  const panelHost = document.createElement('div');
  document.body.append(panelHost);
  root = createRoot(panelHost);
  const ed = editor;
  act(() => root?.render(<FieldsPanel editor={ed} fields={fields} />));
  return { fields, panel: panelHost };
}

const row = (panel: HTMLElement, key: string) =>
  panel.querySelector<HTMLElement>(`[data-testid=field-row][data-key=${key}]`);

function type(el: HTMLInputElement | HTMLTextAreaElement | null, value: string) {
  if (!el) throw new Error('no input');
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function choose(el: HTMLSelectElement | null, value: string) {
  if (!el) throw new Error('no select');
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('the fields panel', () => {
  it('lists the fields of the map and follows changes made elsewhere', () => {
    const { fields, panel } = setup();
    expect([...panel.querySelectorAll<HTMLElement>('[data-testid=field-row]')].map((r) => r.dataset.key)).toEqual([
      'amount',
      'pay_mode',
      'note',
    ]);
    act(() => fields.set('buyer', { label: '买方', type: 'text' }));
    expect(row(panel, 'buyer')?.querySelector<HTMLInputElement>('[data-testid=field-label]')?.value).toBe('买方');
  });

  it('writes a valid edit to the map and keeps an invalid one as a draft with the model message', () => {
    const { fields, panel } = setup();
    const label = () => row(panel, 'amount')?.querySelector<HTMLInputElement>('[data-testid=field-label]') ?? null;
    type(label(), '合同金额');
    expect(fields.get('amount')).toEqual({ label: '合同金额', type: 'money' });
    expect(document.querySelector('[data-key=amount] .cw-field-label')?.textContent).toBe('合同金额');

    type(label(), ' ');
    expect(fields.get('amount')).toEqual({ label: '合同金额', type: 'money' });
    expect(row(panel, 'amount')?.querySelector('[data-testid=field-issues]')?.textContent).toContain('amount');
    type(label(), '总价');
    expect(fields.get('amount')).toEqual({ label: '总价', type: 'money' });
    expect(row(panel, 'amount')?.querySelector('[data-testid=field-issues]')).toBeNull();
  });

  it('changes type and required, and needs options before a field becomes a choice', () => {
    const { fields, panel } = setup();
    const note = () => row(panel, 'note');
    act(() => note()?.querySelector<HTMLInputElement>('[data-testid=field-required]')?.click());
    expect(fields.get('note')).toEqual({ label: '备注', type: 'text', required: true });
    choose(note()?.querySelector('[data-testid=field-type]') ?? null, 'choice');
    expect(fields.get('note')).toEqual({ label: '备注', type: 'text', required: true });
    expect(note()?.querySelector('[data-testid=field-issues]')?.textContent).toContain('options');
    const options = note()?.querySelector<HTMLTextAreaElement>('[data-testid=field-options]') ?? null;
    type(options, '甲\n乙\n');
    act(() => options?.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
    expect(fields.get('note')).toEqual({ label: '备注', type: 'choice', required: true, options: ['甲', '乙'] });
  });

  it('refuses to delete a field still used, listing the clauses, and deletes an unused one', () => {
    const { fields, panel } = setup();
    act(() => row(panel, 'amount')?.querySelector<HTMLElement>('[data-testid=field-delete]')?.click());
    expect(fields.has('amount')).toBe(true);
    expect(row(panel, 'amount')?.querySelector('[data-testid=field-in-use]')?.textContent).toContain('第一条');
    act(() => row(panel, 'pay_mode')?.querySelector<HTMLElement>('[data-testid=field-delete]')?.click());
    expect(fields.has('pay_mode')).toBe(true);
    expect(row(panel, 'pay_mode')?.querySelector('[data-testid=field-in-use] li')?.textContent).toBe('1-1 (条件)');
    act(() => row(panel, 'note')?.querySelector<HTMLElement>('[data-testid=field-delete]')?.click());
    expect(fields.has('note')).toBe(false);
    expect(row(panel, 'note')).toBeNull();
  });

  it('adds a field through its form, refusing a taken key', () => {
    const { fields, panel } = setup();
    act(() => panel.querySelector<HTMLElement>('[data-testid=add-field]')?.click());
    const form = () => panel.querySelector<HTMLFormElement>('[data-testid=new-field-form]');
    type(form()?.querySelector('[data-testid=new-field-key]') ?? null, 'amount');
    act(() => form()?.requestSubmit());
    expect(form()?.querySelector('[role=alert]')?.textContent).toBe('键已存在');
    type(form()?.querySelector('[data-testid=new-field-key]') ?? null, 'signed_on');
    type(form()?.querySelector('[data-testid=new-field-label]') ?? null, '签订日期');
    choose(form()?.querySelector('[data-testid=new-field-type]') ?? null, 'date');
    act(() => form()?.requestSubmit());
    expect(fields.get('signed_on')).toEqual({ label: '签订日期', type: 'date' });
    expect(form()).toBeNull();
  });
});
