import { type ReactNode, useState } from 'react';
import { useT } from '../i18n/useT.ts';

interface ConfirmButtonProps {
  children: ReactNode;
  /** Asked before acting; the action runs only on the second click. */
  question: string;
  onConfirm(): Promise<void>;
  testId: string;
  disabled?: boolean;
  title?: string;
  className?: string;
}

/**
 * A button for an action that replaces text (a restore): the first click asks in place, the second acts. In place
 * rather than `window.confirm`, which blocks the page and cannot be styled or translated.
 */
export function ConfirmButton({
  children,
  question,
  onConfirm,
  testId,
  disabled,
  title,
  className,
}: ConfirmButtonProps) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className={className}
        data-testid={testId}
        disabled={disabled}
        title={title}
        onClick={() => setAsking(true)}
      >
        {children}
      </button>
    );
  }
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <span className="cw-confirm" data-testid={`${testId}-asking`}>
      <span className="cw-confirm-question">{question}</span>
      <button type="button" className="primary" data-testid={`${testId}-confirm`} disabled={busy} onClick={confirm}>
        {busy ? t('history.restoring') : t('history.confirm')}
      </button>
      <button type="button" disabled={busy} onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
