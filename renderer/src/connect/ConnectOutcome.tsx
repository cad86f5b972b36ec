import { ERROR_TITLES } from '../ui/errorTitles';
import { formatDuration } from '../ui/format';
import { useQuickConnect } from './quickConnectStore';

const PHASE_TEXT = {
  connecting: 'Connecting to',
  ready: 'Connected, reading INFO from',
  failed: 'Failed to reach',
  closed: 'Finishing with',
};

/** The result of the last quick connect: progress, the server's identity, or the precise error. */
export function ConnectOutcome() {
  const outcome = useQuickConnect((s) => s.outcome);

  if (outcome.status === 'idle') {
    return <p className="hint">Enter a host and port, then press Enter.</p>;
  }
  if (outcome.status === 'connecting') {
    return (
      <p className="status-line" role="status">
        <span className="spinner" aria-hidden="true" /> {PHASE_TEXT[outcome.phase]} {outcome.target}…
      </p>
    );
  }
  if (outcome.status === 'failed') {
    return (
      <div className="result result-error" role="alert">
        <h2>
          {ERROR_TITLES[outcome.error.code]} <span className="muted">— {outcome.target}</span>
        </h2>
        <p>{outcome.error.message}</p>
        <p className="code">Error code: {outcome.error.code}</p>
      </div>
    );
  }
  const { info, target } = outcome;
  return (
    <div className="result result-ok" role="status" aria-label={`Connected to ${target}`}>
      <h2>Connected to {target}</h2>
      <dl className="facts">
        <div>
          <dt>Version</dt>
          <dd data-testid="server-version">Redis {info.version}</dd>
        </div>
        <div>
          <dt>Mode</dt>
          <dd data-testid="server-mode">{info.mode}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd data-testid="server-role">{info.role}</dd>
        </div>
        <div>
          <dt>Latency</dt>
          <dd>{info.latencyMs.toFixed(2)} ms</dd>
        </div>
        <div>
          <dt>Uptime</dt>
          <dd>{formatDuration(info.uptimeSeconds)}</dd>
        </div>
        <div>
          <dt>Clients</dt>
          <dd>{info.connectedClients ?? '—'}</dd>
        </div>
        <div>
          <dt>Memory</dt>
          <dd>{info.usedMemoryHuman ?? '—'}</dd>
        </div>
      </dl>
    </div>
  );
}
