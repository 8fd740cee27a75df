// @vitest-environment happy-dom
import { ClauseKeymap, templateExtensions } from '@clausewright/schema';
import { Editor, type JSONContent } from '@tiptap/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ClauseConditions } from '../conditions/ClauseConditions.ts';
import { ClauseRefChip } from '../refs/ClauseRefChip.ts';
import { ClauseRefSuggestion } from '../refs/ClauseRefSuggestion.ts';
import { uiStore } from '../state/uiStore.ts';
import { FieldChip } from './FieldChip.ts';
import { FieldSuggestion } from './FieldSuggestion.ts';
import { withEditingFeatures } from './withEditingFeatures.ts';

let editor: Editor | null = null;

beforeEach(() => uiStore.getState().setLang('zh'));

// The typeahead fetches its rows asynchronously (TipTap's suggestion awaits `items`).
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  editor?.destroy();
  editor = null;
  document.body.replaceChildren();
});

function setup(content: JSONContent[]) {
  const fields = new Y.Doc().getMap<unknown>('fields');
  fields.set('contract_no', { label: '合同编号', type: 'text' });
  fields.set('amount', { label: '金额', type: 'money' });
  fields.set('pay_mode', { label: '付款方式', type: 'choice', options: ['一次性', '分期'] });
  const element = document.createElement('div');
  document.body.append(element);
  editor = new Editor({
    element,
    extensions: [
      ...templateExtensions.filter((e) => e.name !== 'field' && e.name !== 'clauseRef'),
      FieldChip.configure({ fields }),
      ClauseRefChip,
      FieldSuggestion.configure({ fields }),
      ClauseRefSuggestion,
      ClauseConditions.configure({ fields }),
    ],
    content: { type: 'doc', content },
  });
  return { editor, fields, root: editor.view.dom };
}

const clause = (id: string, content: JSONContent[] = [], attrs: Record<string, unknown> = {}): JSONContent => ({
  type: 'clause',
  attrs: { id, level: 1, ...attrs },
  content,
});
const text = (t: string): JSONContent => ({ type: 'text', text: t });
const field = (key: string, filter: string | null = null): JSONContent => ({ type: 'field', attrs: { key, filter } });

function key(editor: Editor, k: string) {
  editor.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
}

const chip = (root: HTMLElement, k: string) => root.querySelector<HTMLElement>(`span[data-type=field][data-key=${k}]`);
const items = () => [
  ...document.querySelectorAll<HTMLElement>('[data-testid=suggestion] [data-testid=suggestion-item]'),
];
const selectedItem = () => items().find((i) => i.getAttribute('aria-selected') === 'true');

describe('field chips', () => {
  it('show the field label and filter, live from the fields map', () => {
    const { fields, root } = setup([clause('a', [text('金额 '), field('amount', 'rmb_upper')])]);
    expect(chip(root, 'amount')?.textContent).toBe('金额 · 大写');
    fields.set('amount', { label: '合同金额', type: 'money' });
    expect(chip(root, 'amount')?.textContent).toBe('合同金额 · 大写');
    expect(chip(root, 'amount')?.dataset.error).toBeUndefined();
  });

  it('mark an undefined field and a filter that does not fit the type', () => {
    const { fields, root } = setup([clause('a', [field('ghost'), field('contract_no', 'rmb_upper')])]);
    expect(chip(root, 'ghost')?.classList.contains('cw-field-unknown')).toBe(true);
    expect(chip(root, 'contract_no')?.dataset.error).toBe('filter');
    fields.set('ghost', { label: '幽灵', type: 'text' });
    expect(chip(root, 'ghost')?.classList.contains('cw-field-unknown')).toBe(false);
  });

  it('offer the filters of the field type on click and apply the one picked', () => {
    const { editor, root } = setup([clause('a', [field('amount')])]);
    chip(root, 'amount')?.click();
    const options = [...document.querySelectorAll<HTMLElement>('[data-testid=filter-menu] [role=menuitemradio]')];
    expect(options.map((o) => o.dataset.filter)).toEqual(['', 'money', 'rmb_upper']);
    options[2]?.click();
    expect(editor.state.doc.child(0).child(0).attrs.filter).toBe('rmb_upper');
    expect(chip(root, 'amount')?.textContent).toBe('金额 · 大写');
    expect(document.querySelector('[data-testid=filter-menu]')).toBeNull();
  });
});

describe('the {{ typeahead', () => {
  it('lists fields narrowed by the query, moves with the arrows and inserts a chip on Enter', async () => {
    const { editor, root } = setup([clause('a', [text('编号：')])]);
    editor.chain().focus('end').insertContent('{{').run();
    await settle();
    expect(items().map((i) => i.dataset.key ?? i.dataset.kind)).toEqual(['contract_no', 'amount', 'pay_mode', 'new']);
    editor.commands.insertContent('a');
    await settle();
    expect(items().map((i) => i.dataset.key ?? i.dataset.kind)).toEqual(['amount', 'contract_no', 'pay_mode', 'new']);
    key(editor, 'ArrowDown');
    expect(selectedItem()?.dataset.key).toBe('contract_no');
    key(editor, 'Enter');
    expect(chip(root, 'contract_no')).not.toBeNull();
    expect(editor.state.doc.textContent).toBe('编号：');
    expect(document.querySelector('[data-testid=suggestion]')).toBeNull();
  });

  it('creates a field from "New field…" and inserts it', async () => {
    const { editor, fields, root } = setup([clause('a')]);
    editor.chain().focus('end').insertContent('{{buyer').run();
    await settle();
    expect(selectedItem()?.dataset.kind).toBe('new');
    key(editor, 'Enter');
    const form = document.querySelector<HTMLFormElement>('[data-testid=new-field-form]');
    expect(form?.querySelector<HTMLInputElement>('[name=key]')?.value).toBe('buyer');
    const label = form?.querySelector<HTMLInputElement>('[name=label]');
    if (label) label.value = '买方';
    form?.requestSubmit();
    expect(fields.get('buyer')).toEqual({ label: '买方', type: 'text' });
    expect(chip(root, 'buyer')?.textContent).toBe('买方');
  });

  it('keeps the form open with the problem when the key is taken', async () => {
    const { editor, fields } = setup([clause('a')]);
    editor.chain().focus('end').insertContent('{{amount2').run();
    await settle();
    key(editor, 'Enter');
    const form = document.querySelector<HTMLFormElement>('[data-testid=new-field-form]');
    const input = form?.querySelector<HTMLInputElement>('[name=key]');
    if (input) input.value = 'amount';
    form?.requestSubmit();
    expect(form?.querySelector('.cw-problems')?.textContent).not.toBe('');
    expect(fields.get('amount')).toEqual({ label: '金额', type: 'money' });
    expect(editor.state.doc.textContent).toBe('{{amount2');
  });
});

describe('the [[ typeahead', () => {
  it('lists clauses by label and words and inserts a reference chip', async () => {
    const { editor, root } = setup([clause('scope', [text('服务内容')]), clause('fee', [text('费用见')])]);
    // The numbering plugin's labels, as the page renders them.
    root.querySelector<HTMLElement>('[data-id=scope]')?.setAttribute('data-label', '第一条');
    root.querySelector<HTMLElement>('[data-id=fee]')?.setAttribute('data-label', '第二条');
    editor.chain().focus('end').insertContent('[[').run();
    await settle();
    expect(items().map((i) => i.querySelector('.cw-suggestion-label')?.textContent)).toEqual(['第一条', '第二条']);
    expect(items()[0]?.textContent).toBe('第一条 服务内容');
    editor.commands.insertContent('服务');
    await settle();
    expect(items().map((i) => i.dataset.id)).toEqual(['scope']);
    key(editor, 'Enter');
    const ref = root.querySelector<HTMLElement>('span[data-type=clauseRef]');
    expect(ref?.dataset.target).toBe('scope');
    expect(editor.state.doc.textContent).toBe('服务内容费用见');
  });

  it('opens from a command as well', async () => {
    const { editor } = setup([clause('scope', [text('服务内容')])]);
    editor.chain().focus('end').openClauseRefPicker().run();
    await settle();
    expect(items().map((i) => i.dataset.id)).toEqual(['scope']);
  });
});

describe('clause conditions', () => {
  const attrsOf = (editor: Editor, i: number) => editor.state.doc.child(i).attrs;

  it('mark a conditional clause and tag it with its condition in words', () => {
    const { editor, root, fields } = setup([clause('a', [text('分期付款')], { if: 'pay_mode=分期' }), clause('b')]);
    const p = root.querySelector<HTMLElement>('[data-id=a]');
    expect(p?.classList.contains('cw-conditional')).toBe(true);
    expect(root.querySelector<HTMLElement>('[data-id=b]')?.classList.contains('cw-conditional')).toBe(false);
    const tag = () => p?.querySelector<HTMLElement>('[data-testid=condition-tag]');
    expect(tag()?.dataset.text).toMatch(/付款方式 = 分期/);
    expect(p?.textContent).toBe('分期付款');
    fields.set('pay_mode', { label: '支付方式', type: 'choice', options: ['一次性', '分期'] });
    return new Promise<void>((resolve) =>
      queueMicrotask(() => {
        expect(tag()?.dataset.text).toMatch(/支付方式 = 分期/);
        expect(attrsOf(editor, 0).if).toBe('pay_mode=分期');
        resolve();
      }),
    );
  });

  it('set and clear a condition from the clause menu, offering only boolean and choice fields', () => {
    const { editor, root } = setup([clause('a', [text('押金')]), clause('b', [text('其他')])]);
    editor.commands.setTextSelection(2);
    const button = root.querySelector<HTMLElement>('[data-id=a] [data-testid=condition-button]');
    expect(root.querySelectorAll('[data-testid=condition-button]')).toHaveLength(1);
    button?.click();
    const menuItems = () => [...document.querySelectorAll<HTMLElement>('[data-testid=condition-item]')];
    expect(menuItems().map((i) => `${i.dataset.kind}:${i.dataset.field}:${i.dataset.equals ?? ''}`)).toEqual([
      'if:pay_mode:一次性',
      'if:pay_mode:分期',
      'unless:pay_mode:一次性',
      'unless:pay_mode:分期',
    ]);
    menuItems()[3]?.click();
    expect(attrsOf(editor, 0)).toMatchObject({ if: null, unless: 'pay_mode=分期' });
    expect(root.querySelector('[data-id=a]')?.classList.contains('cw-conditional')).toBe(true);

    root.querySelector<HTMLElement>('[data-id=a] [data-testid=condition-tag]')?.click();
    const clear = menuItems().find((i) => i.dataset.kind === 'clear');
    expect(menuItems().find((i) => i.getAttribute('aria-checked') === 'true')?.dataset.equals).toBe('分期');
    clear?.click();
    expect(attrsOf(editor, 0)).toMatchObject({ if: null, unless: null });
    expect(root.querySelector('[data-id=a]')?.classList.contains('cw-conditional')).toBe(false);
  });
});

describe('withEditingFeatures', () => {
  it('swaps in the chips in place and lets Enter pick a typeahead row before the clause keymap splits', async () => {
    const names = withEditingFeatures(templateExtensions).map((e) => e.name);
    expect(names.filter((n) => n === 'field' || n === 'clauseRef')).toEqual(['field', 'clauseRef']);
    expect(withEditingFeatures(templateExtensions)).toContain(FieldChip);

    const element = document.createElement('div');
    document.body.append(element);
    editor = new Editor({
      element,
      extensions: withEditingFeatures([...templateExtensions, ClauseKeymap]),
      content: { type: 'doc', content: [clause('a', [text('见')]), clause('b', [text('付款')])] },
    });
    editor.chain().focus().setTextSelection(2).insertContent('[[').run();
    await settle();
    key(editor, 'ArrowDown');
    key(editor, 'Enter');
    expect(editor.state.doc.childCount).toBe(2);
    expect(editor.state.doc.child(0).child(1).attrs.target).toBe('b');
  });
});
