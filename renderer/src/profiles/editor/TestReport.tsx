import type { ApiError } from '../../../../shared/api/errors';
import type { ConnectionTestReport } from '../../../../shared/api/profiles';
import { CLUSTER_NODE_TEXT } from '../../api/clusterWords';
import { errorTitle } from '../../ui/errorTitles';
import { Facts } from '../../ui/Facts';

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
        <h2>{errorTitle(state.error.code)}</h2>
        <p>{state.error.message}</p>
        <p className="code">Error code: {state.error.code}</p>
      </div>
    );
  }
  const r = state.report;
  return (
    <div className="result result-ok" role="status" aria-label="Connection test succeeded">
      <h2>Connection works</h2>
      <Facts
        items={[
          { label: 'Server', value: `Redis ${r.version}`, testId: 'test-version' },
          { label: 'Mode', value: r.mode },
          { label: 'Role', value: r.role, testId: 'test-role' },
          { label: 'Latency', value: `${r.latencyMs.toFixed(2)} ms` },
          { label: 'Address', value: r.address },
          ...(r.sentinel
            ? [
                {
                  label: 'Master',
                  value: `${r.sentinel.master.host}:${r.sentinel.master.port}`,
                  testId: 'test-master',
                },
                { label: 'Replicas', value: r.sentinel.replicas, testId: 'test-replicas' },
                {
                  label: 'Sentinels',
                  value: `${r.sentinel.sentinels} (${r.sentinel.sentinelsReachable} reachable)`,
                  testId: 'test-sentinels',
                },
              ]
            : []),
        ]}
      />
      {r.mode === 'cluster' && (
        <p className="hint" data-testid="test-cluster-node">
          {CLUSTER_NODE_TEXT.title} A session shows only the keys in this node’s slots; Redlens does not support Cluster
          yet.
        </p>
      )}
    </div>
  );
}
