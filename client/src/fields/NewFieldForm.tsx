import { FIELD_TYPES, type FieldDef, type FieldType } from '@clausewright/model';
import { useState } from 'react';
import { newFieldDef } from './newFieldDef.ts';
import { splitOptions } from './splitOptions.ts';
import type { UiText } from './uiText.ts';

interface NewFieldFormProps {
  existing: ReadonlySet<string>;
  text: UiText;
  onCreate(key: string, def: FieldDef): void;
  onCancel(): void;
}

/** The side panel's "add field" form; nothing is written until the model accepts the definition. */
export function NewFieldForm({ existing, text, onCreate, onCancel }: NewFieldFormProps) {
  const [key, setKey] = useState('');
  const [label, setLabel] = useState('');
  const [type, setType] = useState<FieldType>('text');
  const [options, setOptions] = useState('');
  const [issues, setIssues] = useState<string[]>([]);

  return (
    <form
      className="cw-new-field"
      data-testid="new-field-form"
      onSubmit={(e) => {
        e.preventDefault();
        const result = newFieldDef({ key, label, type, options: splitOptions(options) }, existing, text.keyTaken);
        if (result.ok) onCreate(result.key, result.def);
        else setIssues([...result.issues.values()].flat());
      }}
    >
      <label>
        {text.key}
        <input data-testid="new-field-key" value={key} autoComplete="off" onChange={(e) => setKey(e.target.value)} />
      </label>
      <label>
        {text.label}
        <input data-testid="new-field-label" value={label} onChange={(e) => setLabel(e.target.value)} />
      </label>
      <label>
        {text.type}
        <select data-testid="new-field-type" value={type} onChange={(e) => setType(e.target.value as FieldType)}>
          {FIELD_TYPES.map((t) => (
            <option key={t} value={t}>
              {text.types[t]}
            </option>
          ))}
        </select>
      </label>
      {type === 'choice' && (
        <label>
          {text.options}
          <textarea
            data-testid="new-field-options"
            rows={3}
            value={options}
            onChange={(e) => setOptions(e.target.value)}
          />
        </label>
      )}
      {issues.length > 0 && (
        <ul className="cw-problems" role="alert">
          {issues.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <div className="cw-buttons">
        <button type="submit" data-testid="new-field-submit">
          {text.add}
        </button>
        <button type="button" onClick={onCancel}>
          {text.cancel}
        </button>
      </div>
    </form>
  );
}
