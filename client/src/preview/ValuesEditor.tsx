import type { FieldDef } from '@clausewright/model';
import { useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { parseValues } from './parseValues.ts';

interface Props {
  /** The template's fields, once loaded: used to fill in a skeleton of keys. */
  fields: Record<string, FieldDef> | null;
  /** The template's example values, when it has some. */
  sample: Record<string, unknown> | null;
  onApply(values: Record<string, unknown>): void;
}

/** A textarea for a values JSON object; applying it re-renders the preview. */
export function ValuesEditor({ fields, sample, onApply }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const apply = () => {
    const parsed = parseValues(text);
    if (parsed.ok) {
      setError(null);
      onApply(parsed.values);
    } else setError(parsed.reason === 'notObject' ? t('values.notObject') : parsed.message);
  };

  const fillKeys = () => {
    if (!fields) return;
    const skeleton = Object.fromEntries(Object.entries(fields).map(([key, def]) => [key, def.default ?? '']));
    setText(JSON.stringify(skeleton, null, 2));
  };

  const loadSample = () => {
    if (!sample) return;
    setText(JSON.stringify(sample, null, 2));
    setError(null);
    onApply(sample);
  };

  return (
    <section className="values">
      <label htmlFor="values-json">{t('values.label')}</label>
      <textarea
        id="values-json"
        spellCheck={false}
        value={text}
        placeholder='{ "party_a": "某某科技有限公司", "amount": 12800 }'
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) apply();
        }}
      />
      {error ? (
        <p className="values-error" role="alert">
          {t('values.invalid')} {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" onClick={apply}>
          {t('values.apply')}
        </button>
        {sample ? (
          <button type="button" onClick={loadSample}>
            {t('values.sample')}
          </button>
        ) : null}
        <button type="button" onClick={fillKeys} disabled={!fields}>
          {t('values.keys')}
        </button>
      </div>
    </section>
  );
}
