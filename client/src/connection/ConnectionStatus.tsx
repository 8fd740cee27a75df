import { useT } from '../i18n/useT.ts';
import { useUi } from '../state/uiStore.ts';
import { useConnectionProblem } from './problemStore.ts';
import './connection.css';

/**
 * The open document's connection, always visible: connected, (re)connecting, or offline with unsynced changes; and
 * why the server refused or ended it (access revoked, a refused change…), with a reload where syncing stopped.
 */
export function ConnectionStatus() {
  const t = useT();
  const { state, lost, unsynced, peers } = useUi((s) => s.connection);
  const problem = useConnectionProblem();
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
      {problem ? (
        <span
          className="cw-status-problem"
          data-testid="connection-problem"
          data-kind={problem.kind}
          data-permanent={problem.permanent}
          title={problem.reason}
        >
          {t(`problem.${problem.kind}`)}
          {problem.permanent && problem.kind !== 'loginEnded' ? (
            <button type="button" className="cw-status-reload" onClick={() => location.reload()}>
              {t('problem.reload')}
            </button>
          ) : null}
        </span>
      ) : null}
    </div>
  );
}
