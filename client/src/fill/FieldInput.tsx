import type { FieldValue } from '@clausewright/model';
import { memo, type ReactNode } from 'react';
import { useT } from '../i18n/useT.ts';
import type { FormField } from './buildForm.ts';
import { inputToValue } from './formInput.ts';
import { moneyHint } from './moneyHint.ts';

interface Props {
  field: FormField;
  raw: string | boolean | undefined;
  /** The problems to show under the input, already worded for it; joined so an unchanged list keeps the memo. */
  problems: string;
  onChange(key: string, raw: string | boolean): void;
  onFocus(key: string): void;
  onBlur(key: string): void;
}

/** The DOM id of a field's input (the first radio of a choice), which the preview focuses on a click. */
export function inputId(key: string): string {
  return `fill-${key}`;
}

/** One field of the fill form: label, required mark, the input its type calls for, help, money words and problems. */
export const FieldInput = memo(function FieldInput({ field, raw, problems, onChange, onFocus, onBlur }: Props) {
  const t = useT();
  const { key, def, control } = field;
  const id = inputId(key);
  const invalid = problems !== '';
  const text = typeof raw === 'string' ? raw : '';
  const common = {
    id,
    name: key,
    'data-testid': `fill-input-${key}`,
    'aria-invalid': invalid || undefined,
    'aria-describedby': `${id}-note`,
    onFocus: () => onFocus(key),
    onBlur: () => onBlur(key),
  };
  const change = (e: { target: { value: string } }) => onChange(key, e.target.value);

  let input: ReactNode;
  switch (control) {
    case 'textarea':
      input = <textarea {...common} value={text} rows={3} onChange={change} />;
      break;
    case 'date':
      input = <input {...common} type="date" value={text} onChange={change} />;
      break;
    case 'switch': {
      const on = raw === true;
      input = (
        <label className="cw-fill-switch">
          <input
            {...common}
            type="checkbox"
            role="switch"
            checked={on}
            aria-checked={on}
            onChange={(e) => onChange(key, e.target.checked)}
          />
          <span className="cw-fill-switch-track" aria-hidden="true" />
          <span>{on ? t('fill.switchOn') : t('fill.switchOff')}</span>
        </label>
      );
      break;
    }
    case 'select':
      input = (
        <select {...common} value={text} onChange={change}>
          <option value="">{t('fill.choose')}</option>
          {(def.options ?? []).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
      break;
    case 'radios':
      input = (
        <div className="cw-fill-radios" role="radiogroup" aria-labelledby={`${id}-label`}>
          {(def.options ?? []).map((o, i) => (
            <label key={o}>
              <input
                {...common}
                id={i === 0 ? id : `${id}-${i}`}
                data-testid={`fill-input-${key}-${i}`}
                type="radio"
                value={o}
                checked={text === o}
                onChange={change}
              />
              {o}
            </label>
          ))}
          {field.required ? null : (
            <label>
              <input
                {...common}
                id={`${id}-none`}
                data-testid={`fill-input-${key}-none`}
                type="radio"
                value=""
                checked={text === ''}
                onChange={change}
              />
              <span className="muted">{t('fill.none')}</span>
            </label>
          )}
        </div>
      );
      break;
    default:
      // Numbers and money are text inputs: `type=number` would hide what was typed when it does not parse,
      // and the shared validator's message must be able to quote it.
      input = (
        <input
          {...common}
          type="text"
          inputMode={control === 'text' ? undefined : 'decimal'}
          autoComplete="off"
          value={text}
          onChange={change}
        />
      );
  }

  const hint = control === 'money' ? moneyHint(def, inputToValue(def, raw) as FieldValue | undefined) : null;
  return (
    <div className={`cw-fill-field cw-fill-${control}${invalid ? ' invalid' : ''}`} data-field={key}>
      <label className="cw-fill-label" id={`${id}-label`} htmlFor={control === 'radios' ? undefined : id}>
        {def.label}
        {field.required ? (
          <abbr className="cw-fill-required" title={t('fill.required')}>
            *
          </abbr>
        ) : null}
        <code className="cw-fill-key">{key}</code>
      </label>
      {input}
      <div id={`${id}-note`} className="cw-fill-notes">
        {hint ? (
          <p className="cw-fill-money" data-testid={`fill-money-${key}`}>
            {hint.upper ? (
              <span data-testid={`fill-money-upper-${key}`}>{t('fill.moneyUpper', { upper: hint.upper })}</span>
            ) : null}
            <span>{t('fill.moneyFormatted', { amount: hint.formatted })}</span>
          </p>
        ) : null}
        {def.help ? <p className="cw-fill-help">{def.help}</p> : null}
        {invalid
          ? problems.split('\n').map((p) => (
              <p key={p} className="cw-fill-problem" role="alert" data-testid={`fill-problem-${key}`}>
                {p}
              </p>
            ))
          : null}
      </div>
    </div>
  );
});
