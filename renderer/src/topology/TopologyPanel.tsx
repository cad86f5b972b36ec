import { errorTitle } from '../ui/errorTitles';
import { prefersCompact, type NodeId } from './diagramLayout';
import { FailoverTimeline } from './FailoverTimeline';
import { NodeDetails } from './NodeDetails';
import { TopologyDiagram } from './TopologyDiagram';
import { TopologySummary } from './TopologySummary';
import { TopologyTable } from './TopologyTable';
import { selectWatch, useTopology } from './topologyStore';

/**
 * The topology of a Sentinel deployment — the Topology tab of a session, or a profile's view
 * without a session: summary, the live diagram (or a table for big deployments), the selected
 * node's details and the failover timeline. The owner (session screen, profile view) keeps
 * the watch running.
 */
export function TopologyPanel({ ownerId }: { ownerId: string }) {
  const entry = useTopology((s) => s.byOwner[ownerId]);
  const watchState = useTopology((s) => selectWatch(s, ownerId));
  const ui = useTopology((s) => s.ui[ownerId]);
  const setUi = useTopology((s) => s.setUi);
  const watch = useTopology((s) => s.watch);
  const snapshot = watchState?.snapshot;

  if (!snapshot) {
    if (entry?.status === 'error' && entry.error) {
      return (
        <div className="banner banner-error" role="alert">
          <strong>{errorTitle(entry.error.code)}</strong> — cannot watch the Sentinel deployment: {entry.error.message}{' '}
          <button type="button" onClick={() => void watch(ownerId)}>
            Retry
          </button>
        </div>
      );
    }
    return (
      <p className="status-line" role="status">
        <span className="spinner" aria-hidden="true" /> Asking the sentinels about the deployment…
      </p>
    );
  }

  const view = ui?.view ?? (prefersCompact(snapshot) ? 'table' : 'diagram');
  const select = (selected: NodeId) => setUi(ownerId, { selected });
  return (
    <section className="topology" aria-label={`Topology of ${snapshot.masterName}`}>
      <TopologySummary ownerId={ownerId} snapshot={snapshot} view={view} onView={(v) => setUi(ownerId, { view: v })} />
      {snapshot.error && (
        <p className="banner banner-error" role="alert">
          <strong>{errorTitle(snapshot.error.code)}</strong> — {snapshot.error.message}
        </p>
      )}
      {entry?.status === 'error' && entry.error && (
        <p className="banner banner-warning" role="alert">
          Could not switch the watch: {entry.error.message}
        </p>
      )}
      <div className="topo-body">
        {view === 'table' ? (
          <TopologyTable snapshot={snapshot} selected={ui?.selected} onSelect={select} />
        ) : (
          <TopologyDiagram snapshot={snapshot} selected={ui?.selected} onSelect={select} />
        )}
        <NodeDetails snapshot={snapshot} selected={ui?.selected} />
      </div>
      {watchState && <FailoverTimeline ownerId={ownerId} watch={watchState} />}
    </section>
  );
}
