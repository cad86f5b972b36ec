import type { ApiError } from '../../../../shared/api/errors';
import type { ConnectionTestReport } from '../../../../shared/api/profiles';
import { ERROR_TITLES } from '../../ui/errorTitles';

export type TestState =
  | { status: 'idle' }
  | { status: 'testing' }
  | { status: 'ok'; report: ConnectionTestReport }
  | { status: 'failed'; error: ApiError };

/** The outcome of "Test connection". */
export function TestReport({ state }: { state: TestState }) {
  if (state.status === 'idle') return null;
  if (state.status === 'testing') {
    return (
      <p className="status-line" role="status">
        <span className="spinner" aria-hidden="true" /> Testing the connection…
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <div className="result result-error" role="alert">
        <h2>{ERROR_TITLES[state.error.code]}</h2>
        <p>{state.error.message}</p>
        <p className="code">Error code: {state.error.code}</p>
      </div>
    );
  }
  const r = state.report;
  return (
    <div className="result result-ok" role="status" aria-label="Connection test succeeded">
      <h2>Connection works</h2>
      <dl className="facts">
        <div>
          <dt>Server</dt>
          <dd data-testid="test-version">Redis {r.version}</dd>
        </div>
        <div>
          <dt>Mode</dt>
          <dd>{r.mode}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd data-testid="test-role">{r.role}</dd>
        </div>
        <div>
          <dt>Latency</dt>
          <dd>{r.latencyMs.toFixed(2)} ms</dd>
        </div>
        <div>
          <dt>Address</dt>
          <dd>{r.address}</dd>
        </div>
        {r.sentinel && (
          <>
            <div>
              <dt>Master</dt>
              <dd data-testid="test-master">
                {r.sentinel.master.host}:{r.sentinel.master.port}
              </dd>
            </div>
            <div>
              <dt>Replicas</dt>
              <dd data-testid="test-replicas">{r.sentinel.replicas}</dd>
            </div>
            <div>
              <dt>Sentinels</dt>
              <dd data-testid="test-sentinels">
                {r.sentinel.sentinels} ({r.sentinel.sentinelsReachable} reachable)
              </dd>
            </div>
          </>
        )}
      </dl>
    </div>
  );
}
