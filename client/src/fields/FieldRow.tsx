import { FIELD_TYPES, type FieldDef, type FieldType } from '@clausewright/model';
import { useState } from 'react';
import { applyFieldPatch, type FieldPatch } from './applyFieldPatch.ts';
import { checkFieldDef } from './checkFieldDef.ts';
import { splitOptions } from './splitOptions.ts';
import type { UiText } from './uiText.ts';

interface FieldRowProps {
  fieldKey: string;
  def: FieldDef;
  /** Problems of the stored definition (e.g. written by another client). */
  storedIssues: readonly string[] | undefined;
  /** Where the field is still used, after a refused delete. */
  inUse: readonly string[] | null;
  text: UiText;
  onCommit(def: FieldDef): void;
  onDelete(): void;
}

/**
 * One field of the side panel. A valid edit is written to the `fields` map at once (so it syncs); an invalid one
 * stays here as a draft with the model's messages until it is fixed.
 */
export function FieldRow({ fieldKey, def, storedIssues, inUse, text, onCommit, onDelete }: FieldRowProps) {
  const [draft, setDraft] = useState<{ def: FieldDef; issues: string[] } | null>(null);
  // Options are parsed on blur: parsing per keystroke would swallow the newline being typed.
  const [optionsText, setOptionsText] = useState<string | null>(null);
  const shown = draft?.def ?? def;
  const issues = draft?.issues ?? storedIssues ?? [];

  const edit = (patch: FieldPatch) => {
    const next = applyFieldPatch(shown, patch);
    const found = [...checkFieldDef(fieldKey, next).values()].flat();
    if (found.length === 0) {
      setDraft(null);
      onCommit(next);
    } else {
      setDraft({ def: next, issues: found });
    }
  };

  const id = (part: string) => `cw-field-${fieldKey}-${part}`;
  return (
    <li
      className={`cw-field-row${issues.length > 0 ? ' cw-field-row-invalid' : ''}`}
      data-testid="field-row"
      data-key={fieldKey}
    >
      <div className="cw-field-row-head">
        <code className="cw-field-key">{fieldKey}</code>
        <button type="button" className="cw-field-delete" data-testid="field-delete" onClick={onDelete}>
          {text.delete}
        </button>
      </div>
      <label htmlFor={id('label')}>{text.label}</label>
      <input
        id={id('label')}
        data-testid="field-label"
        value={shown.label}
        onChange={(e) => edit({ label: e.target.value })}
      />
      <label htmlFor={id('type')}>{text.type}</label>
      <select
        id={id('type')}
        data-testid="field-type"
        value={shown.type}
        onChange={(e) => edit({ type: e.target.value as FieldType })}
      >
        {FIELD_TYPES.map((t) => (
          <option key={t} value={t}>
            {text.types[t]}
          </option>
        ))}
      </select>
      <label className="cw-field-required">
        <input
          type="checkbox"
          data-testid="field-required"
          checked={shown.required === true}
          onChange={(e) => edit({ required: e.target.checked })}
        />
        {text.required}
      </label>
      {shown.type === 'choice' && (
        <>
          <label htmlFor={id('options')}>{text.options}</label>
          <textarea
            id={id('options')}
            data-testid="field-options"
            rows={3}
            value={optionsText ?? (shown.options ?? []).join('\n')}
            onChange={(e) => setOptionsText(e.target.value)}
            onBlur={() => {
              if (optionsText === null) return;
              setOptionsText(null);
              edit({ options: splitOptions(optionsText) });
            }}
          />
        </>
      )}
      {issues.length > 0 && (
        <ul className="cw-problems" role="alert" data-testid="field-issues">
          {issues.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {inUse && (
        <div className="cw-field-in-use" role="alert" data-testid="field-in-use">
          {text.inUse}
          <ul>
            {inUse.map((where) => (
              <li key={where}>{where}</li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
