import { errorTitle } from '../ui/errorTitles';
import { Facts } from '../ui/Facts';
import { formatDuration } from '../ui/format';
import { QuickActions } from './QuickActions';
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
          {errorTitle(outcome.error.code)} <span className="muted">— {outcome.target}</span>
        </h2>
        <p>{outcome.error.message}</p>
        <p className="code">Error code: {outcome.error.code}</p>
      </div>
    );
  }
  const { info, target, quickId } = outcome;
  return (
    <div className="result result-ok" role="status" aria-label={`Connected to ${target}`}>
      <h2>Connected to {target}</h2>
      <Facts
        items={[
          { label: 'Version', value: `Redis ${info.version}`, testId: 'server-version' },
          { label: 'Mode', value: info.mode, testId: 'server-mode' },
          { label: 'Role', value: info.role, testId: 'server-role' },
          { label: 'Latency', value: `${info.latencyMs.toFixed(2)} ms` },
          { label: 'Uptime', value: formatDuration(info.uptimeSeconds) },
          { label: 'Clients', value: info.connectedClients ?? '—' },
          { label: 'Memory', value: info.usedMemoryHuman ?? '—' },
        ]}
      />
      <QuickActions quickId={quickId} target={target} />
    </div>
  );
}
