import { FIELD_TYPES, type FieldDef, type FieldType } from '@clausewright/model';
import { newFieldDef } from './newFieldDef.ts';
import { splitOptions } from './splitOptions.ts';
import { uiText } from './uiText.ts';

/**
 * The small "new field" form (key, label, type, options for a choice): on a valid submit it calls `onCreate` with the
 * key and definition; problems show under the form and nothing is created.
 */
export function newFieldForm(
  initial: { key: string; label: string },
  existing: () => ReadonlySet<string>,
  onCreate: (key: string, def: FieldDef) => void,
  onCancel: () => void,
): HTMLFormElement {
  const text = uiText();
  const form = document.createElement('form');
  form.className = 'cw-new-field';
  form.dataset.testid = 'new-field-form';
  const key = input('key', text.key, initial.key);
  const label = input('label', text.label, initial.label);
  const type = document.createElement('select');
  type.name = 'type';
  type.dataset.testid = 'new-field-type';
  for (const t of FIELD_TYPES) {
    const option = document.createElement('option');
    option.value = t;
    option.textContent = `${text.types[t]} (${t})`;
    type.append(option);
  }
  const options = document.createElement('textarea');
  options.name = 'options';
  options.rows = 3;
  options.dataset.testid = 'new-field-options';
  const optionsRow = row(text.options, options);
  optionsRow.hidden = true;
  type.addEventListener('change', () => {
    optionsRow.hidden = type.value !== 'choice';
  });
  const problems = document.createElement('ul');
  problems.className = 'cw-problems';
  problems.setAttribute('role', 'alert');
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.textContent = text.add;
  submit.dataset.testid = 'new-field-submit';
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = text.cancel;
  cancel.addEventListener('click', onCancel);
  const buttons = document.createElement('div');
  buttons.className = 'cw-buttons';
  buttons.append(submit, cancel);
  form.append(row(text.key, key), row(text.label, label), row(text.type, type), optionsRow, problems, buttons);

  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const result = newFieldDef(
      { key: key.value, label: label.value, type: type.value as FieldType, options: splitOptions(options.value) },
      existing(),
      text.keyTaken,
    );
    if (result.ok) {
      onCreate(result.key, result.def);
      return;
    }
    problems.replaceChildren(
      ...[...result.issues.values()].flat().map((message) => {
        const li = document.createElement('li');
        li.textContent = message;
        return li;
      }),
    );
  });
  queueMicrotask(() => (initial.key ? label : key).focus());
  return form;
}

function input(name: string, placeholder: string, value: string): HTMLInputElement {
  const el = document.createElement('input');
  el.name = name;
  el.placeholder = placeholder;
  el.value = value;
  el.dataset.testid = `new-field-${name}`;
  el.autocomplete = 'off';
  return el;
}

function row(caption: string, control: HTMLElement): HTMLLabelElement {
  const label = document.createElement('label');
  label.className = 'cw-form-row';
  const span = document.createElement('span');
  span.textContent = caption;
  label.append(span, control);
  return label;
}
