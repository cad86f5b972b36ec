import type { MasterNode, ReplicaNode, SentinelNode, TopologySnapshot } from '../../../shared/api/topology';
import { Facts, type Fact } from '../ui/Facts';
import { dataNodeId, sentinelId, type NodeId } from './diagramLayout';
import { describeMaster, describeSentinel, replicaLink } from './nodeLabels';
import { formatBytes, formatCount, formatMs } from './topologyFormat';

const dash = '—';
const flagsText = (raw: string[]) => (raw.length ? raw.join(', ') : dash);
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

function masterFacts(m: MasterNode, snapshot: TopologySnapshot): Fact[] {
  const repl = m.replication;
  return [
    { label: 'State', value: describeMaster(m, snapshot).state },
    { label: 'Flags', value: flagsText(m.flags.raw) },
    { label: 'Quorum', value: `${m.quorum} (majority ${snapshot.majority} of ${snapshot.sentinels.length})` },
    { label: 'Config epoch', value: String(m.configEpoch), testId: 'topo-epoch' },
    ...(m.failoverState ? [{ label: 'Failover state', value: m.failoverState }] : []),
    { label: 'Reported down by', value: m.sDownBy.length ? m.sDownBy.join(', ') : 'nobody' },
    { label: 'Role (INFO)', value: repl?.role ?? dash },
    { label: 'Offset', value: repl ? formatCount(repl.offset) : dash },
    { label: 'Connected replicas', value: repl?.connectedReplicas ?? dash },
    { label: 'Down after', value: formatMs(m.downAfterMs) },
    { label: 'Failover timeout', value: formatMs(m.failoverTimeoutMs) },
    { label: 'Parallel syncs', value: String(m.parallelSyncs) },
  ];
}

function replicaFacts(r: ReplicaNode): Fact[] {
  const repl = r.replication;
  return [
    { label: 'Flags', value: flagsText(r.flags.raw) },
    { label: 'Link (replica)', value: repl?.linkStatus ?? dash },
    { label: 'Link (sentinels)', value: r.sentinelLinkStatus },
    { label: 'Follows', value: repl?.masterAddress ?? dash },
    { label: 'Role (INFO)', value: repl?.role ?? dash },
    { label: 'Offset', value: repl ? formatCount(repl.offset) : dash },
    { label: 'Lag', value: r.lagSeconds === undefined ? dash : `${r.lagSeconds} s` },
    { label: 'Behind master', value: r.lagBytes === undefined ? dash : formatBytes(r.lagBytes) },
    {
      label: 'Priority',
      value: r.priority === undefined ? dash : r.priority === 0 ? '0 (never promoted)' : r.priority,
    },
  ];
}

function sentinelFacts(s: SentinelNode): Fact[] {
  return [
    { label: 'Reachable', value: yesNo(s.reachable) },
    { label: 'Events', value: s.subscribed ? 'subscribed' : 'not subscribed' },
    { label: 'Says master is', value: s.masterAddress ?? dash },
    { label: 'Agrees', value: yesNo(s.agrees) },
    { label: 'Leads failover', value: yesNo(s.leader) },
    { label: 'Flags', value: flagsText(s.flags) },
    { label: 'Source', value: s.configured ? 'in the profile' : 'discovered' },
    { label: 'Run id', value: s.runId ? s.runId.slice(0, 12) : dash },
  ];
}

/** Each sentinel's own answer to "where is the master?", side by side. */
function SentinelViews({ snapshot }: { snapshot: TopologySnapshot }) {
  const sDownBy = new Set(snapshot.master?.sDownBy ?? []);
  return (
    <table className="topo-views" aria-label="Each sentinel's view of the master">
      <thead>
        <tr>
          <th scope="col">Sentinel</th>
          <th scope="col">Says master is</th>
          <th scope="col">Master down?</th>
        </tr>
      </thead>
      <tbody>
        {snapshot.sentinels.map((s) => (
          <tr key={s.address} className={s.agrees ? '' : 'topo-disagrees'}>
            <th scope="row">{s.address}</th>
            <td>
              {s.reachable ? (s.masterAddress ?? 'does not know it') : 'unreachable'}
              {s.reachable && s.masterAddress && !s.agrees ? ' (disagrees)' : ''}
            </td>
            <td>{sDownBy.has(s.address) ? 'yes (s_down)' : s.reachable ? 'no' : dash}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What is known about the selected node (the master when none is selected). */
export function NodeDetails({ snapshot, selected }: { snapshot: TopologySnapshot; selected: NodeId | undefined }) {
  const master = snapshot.master;
  const replica = snapshot.replicas.find((r) => dataNodeId(r.address) === selected && r.address !== master?.address);
  const sentinel = snapshot.sentinels.find((s) => sentinelId(s.address) === selected);
  let title: string;
  let subtitle: string;
  let facts: Fact[];
  let error: string | undefined;
  if (replica) {
    [title, facts, error] = [replica.address, replicaFacts(replica), replica.error];
    subtitle = `replica — link ${replicaLink(replica)}`;
  } else if (sentinel) {
    [title, facts, error] = [sentinel.address, sentinelFacts(sentinel), sentinel.error];
    subtitle = `sentinel — ${describeSentinel(sentinel, snapshot).state}`;
  } else if (master) {
    [title, facts, error] = [master.address ?? 'No master', masterFacts(master, snapshot), master.error];
    subtitle = `master of ${master.name}`;
  } else {
    return null;
  }
  return (
    <aside className="topo-details" aria-label={`Details of ${title}`}>
      <h3 className="topo-details-title">{title}</h3>
      <p className="topo-details-sub">{subtitle}</p>
      {error && (
        <p className="field-error notice" role="status">
          {error}
        </p>
      )}
      <Facts items={facts} />
      {!replica && !sentinel && <SentinelViews snapshot={snapshot} />}
    </aside>
  );
}
