import { useT } from '../i18n/useT.ts';
import { useUi } from '../state/uiStore.ts';

/** The open document's connection, always visible: connected, (re)connecting, or offline with unsynced changes. */
export function ConnectionStatus() {
  const t = useT();
  const { state, lost, unsynced, peers } = useUi((s) => s.connection);
  const text =
    state === 'connected'
      ? t('status.connected')
      : state === 'connecting'
        ? t(lost ? 'status.reconnecting' : 'status.connecting')
        : t('status.offline');
  return (
    <div
      className={`cw-status cw-status-${state}`}
      data-testid="connection-status"
      data-state={state}
      data-unsynced={unsynced}
      role="status"
      aria-live="polite"
    >
      <span className="cw-status-dot" aria-hidden="true" />
      <span className="cw-status-text">{text}</span>
      {unsynced > 0 ? <span className="cw-status-unsynced">{t('status.unsynced', { n: unsynced })}</span> : null}
      {state === 'offline' && unsynced > 0 ? <span className="cw-status-note">{t('status.allSaved')}</span> : null}
      {state === 'connected' && peers > 0 ? (
        <span className="cw-status-note">{t('status.peers', { n: peers + 1 })}</span>
      ) : null}
    </div>
  );
}
