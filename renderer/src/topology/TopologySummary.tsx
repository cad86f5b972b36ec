import type { TopologySnapshot } from '../../../shared/api/topology';
import { Facts } from '../ui/Facts';
import { HEALTH_TEXT } from './nodeLabels';
import { PHASE_LABELS } from './timelineModel';
import { shortClockTime } from './topologyFormat';
import { useTopology } from './topologyStore';
import { TriggerFailover } from './TriggerFailover';

interface SummaryProps {
  ownerId: string;
  snapshot: TopologySnapshot;
  view: 'diagram' | 'table';
  onView(view: 'diagram' | 'table'): void;
}

function MasterSelector({ ownerId, snapshot }: { ownerId: string; snapshot: TopologySnapshot }) {
  const watch = useTopology((s) => s.watch);
  const starting = useTopology((s) => s.byOwner[ownerId]?.status === 'starting');
  if (snapshot.masters.length < 2) return null;
  return (
    <label className="topo-master-select">
      <span>Monitored master</span>
      <select
        value={snapshot.masterName}
        disabled={starting}
        onChange={(e) => void watch(ownerId, { masterName: e.target.value })}
      >
        {snapshot.masters.map((m) => (
          <option key={m.name} value={m.name}>
            {m.name} — {m.address}
            {m.flags.oDown ? ' (down)' : m.flags.sDown ? ' (s_down)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Health in words and colour, the master selector, layout switch, failover action and key numbers. */
export function TopologySummary({ ownerId, snapshot, view, onView }: SummaryProps) {
  const health = HEALTH_TEXT[snapshot.health];
  const replicas = snapshot.replicas.filter((r) => r.address !== snapshot.master?.address);
  const linked = replicas.filter((r) => !r.flags.sDown && (r.replication?.linkStatus ?? r.sentinelLinkStatus) === 'up');
  const reachable = snapshot.sentinels.filter((s) => s.reachable).length;
  const failover = snapshot.failover;
  return (
    <div className="topo-summary">
      <div className="topo-head">
        <span className={`topo-health tone-${health.tone}`} data-testid="topology-health">
          <span className="topo-dot" aria-hidden="true" />
          {health.text}
        </span>
        <MasterSelector ownerId={ownerId} snapshot={snapshot} />
        <span className="topo-head-spacer" />
        <div className="segmented" role="group" aria-label="Layout">
          {(['diagram', 'table'] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              className={view === v ? 'on' : ''}
              onClick={() => onView(v)}
            >
              {v === 'diagram' ? 'Diagram' : 'Table'}
            </button>
          ))}
        </div>
        <TriggerFailover ownerId={ownerId} snapshot={snapshot} />
      </div>
      {failover && (
        <p className="topo-failover-line" role="status">
          <span className="spinner" aria-hidden="true" /> Failover in progress —{' '}
          {PHASE_LABELS[failover.phase].toLowerCase()}
          {failover.leader && <> · leader {failover.leader}</>}
          {failover.selectedReplica && <> · promoting {failover.selectedReplica}</>}
        </p>
      )}
      <Facts
        items={[
          { label: 'Master name', value: snapshot.masterName },
          { label: 'Master', value: snapshot.master?.address ?? 'none', testId: 'topology-master' },
          { label: 'Replicas', value: `${replicas.length} (${linked.length} linked)` },
          { label: 'Sentinels', value: `${snapshot.sentinels.length} (${reachable} reachable)` },
          { label: 'Quorum', value: `${snapshot.master?.quorum ?? '?'} · majority ${snapshot.majority}` },
          { label: 'Config epoch', value: String(snapshot.master?.configEpoch ?? '—') },
          { label: 'Last change', value: shortClockTime(snapshot.updatedAt) },
        ]}
      />
    </div>
  );
}
