import type { TopologySnapshot } from '../../../shared/api/topology';
import { dataNodeId, sentinelId, type NodeId } from './diagramLayout';
import { describeMaster, describeReplica, describeSentinel, replicaLink, type NodeDescription } from './nodeLabels';
import { formatBytes, formatCount } from './topologyFormat';

interface Row {
  id: NodeId;
  address: string;
  role: string;
  description: NodeDescription;
  link: string;
  lag: string;
  behind: string;
  offset: string;
  flags: string;
}

const dash = '—';

function rowsOf(snapshot: TopologySnapshot): Row[] {
  const rows: Row[] = [];
  const master = snapshot.master;
  if (master) {
    rows.push({
      id: dataNodeId(master.address),
      address: master.address ?? dash,
      role: 'master',
      description: describeMaster(master, snapshot),
      link: dash,
      lag: dash,
      behind: dash,
      offset: master.replication ? formatCount(master.replication.offset) : dash,
      flags: master.flags.raw.join(', '),
    });
  }
  for (const r of snapshot.replicas) {
    if (r.address === master?.address) continue;
    rows.push({
      id: dataNodeId(r.address),
      address: r.address,
      role: 'replica',
      description: describeReplica(r, snapshot),
      link: replicaLink(r),
      lag: r.lagSeconds === undefined ? dash : `${r.lagSeconds} s`,
      behind: r.lagBytes === undefined ? dash : formatBytes(r.lagBytes),
      offset: r.replication ? formatCount(r.replication.offset) : dash,
      flags: r.flags.raw.join(', '),
    });
  }
  for (const s of snapshot.sentinels) {
    rows.push({
      id: sentinelId(s.address),
      address: s.address,
      role: s.leader ? 'sentinel (leader)' : 'sentinel',
      description: describeSentinel(s, snapshot),
      link: s.subscribed ? 'events' : 'no events',
      lag: dash,
      behind: dash,
      offset: dash,
      flags: s.flags.join(', ') || dash,
    });
  }
  return rows;
}

interface TableProps {
  snapshot: TopologySnapshot;
  selected: NodeId | undefined;
  onSelect(id: NodeId): void;
}

/** Compact mode for big deployments: one row per node, the same words as the diagram. */
export function TopologyTable({ snapshot, selected, onSelect }: TableProps) {
  return (
    <div className="topo-table-scroll">
      <table className="topo-table" aria-label={`Nodes of ${snapshot.masterName}`}>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Role</th>
            <th scope="col">State</th>
            <th scope="col">Link</th>
            <th scope="col">Lag</th>
            <th scope="col">Behind</th>
            <th scope="col">Offset</th>
            <th scope="col">Flags</th>
          </tr>
        </thead>
        <tbody>
          {rowsOf(snapshot).map((row) => (
            <tr
              key={row.id}
              aria-label={row.description.label}
              className={`tone-${row.description.tone}${selected === row.id ? ' topo-row-selected' : ''}`}
              onClick={() => onSelect(row.id)}
            >
              <th scope="row">
                <button
                  type="button"
                  className="link-button topo-row-button"
                  aria-pressed={selected === row.id}
                  onClick={() => onSelect(row.id)}
                  onFocus={() => onSelect(row.id)}
                >
                  <span className="topo-dot" aria-hidden="true" />
                  {row.address}
                </button>
              </th>
              <td>{row.role}</td>
              <td>{row.description.state}</td>
              <td>{row.link}</td>
              <td>{row.lag}</td>
              <td>{row.behind}</td>
              <td>{row.offset}</td>
              <td className="topo-flags">{row.flags}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
