import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/useT.ts';

interface Props {
  initial?: string;
  onSubmit(name: string): void;
  /** Present when the dialog may be dismissed (changing a name), absent when a name is required. */
  onCancel?: () => void;
}

/** Asks for the display name shown beside this user's caret. */
export function NameDialog({ initial = '', onSubmit, onCancel }: Props) {
  const t = useT();
  const [name, setName] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) onSubmit(name.trim());
  };

  return (
    <div className="cw-modal-backdrop">
      <form
        className="cw-modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="name-dialog-title"
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && onCancel) onCancel();
        }}
      >
        <h2 id="name-dialog-title">{t('name.title')}</h2>
        <p className="muted">{t('name.hint')}</p>
        <input
          ref={input}
          data-testid="name-input"
          value={name}
          maxLength={40}
          placeholder={t('name.placeholder')}
          aria-label={t('name.title')}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="actions end">
          {onCancel ? (
            <button type="button" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          ) : null}
          <button type="submit" className="primary" data-testid="name-submit" disabled={!name.trim()}>
            {t('name.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
