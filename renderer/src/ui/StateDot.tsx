import type { SessionState } from '../../../shared/api/sessions';

const LABELS: Record<SessionState, string> = {
  connecting: 'connecting',
  ready: 'connected',
  reconnecting: 'reconnecting',
  failed: 'failed',
  closed: 'closed',
};

/** A coloured dot that also says its state to assistive tech. */
export function StateDot({ state }: { state: SessionState | undefined }) {
  if (!state) return <span className="dot dot-idle" aria-hidden="true" />;
  return <span className={`dot dot-${state}`} role="img" aria-label={LABELS[state]} title={LABELS[state]} />;
}
