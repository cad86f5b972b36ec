import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TopologySnapshot } from '../../../shared/api/topology';
import { ADDRESS_LINE_PX, STATUS_LINE_PX, TEXT_LEFT } from './cardText';
import { layoutDiagram, type CardText, type Edge, type NodeId } from './diagramLayout';
import { describeMaster, describeReplica, describeSentinel, offsetWords, type NodeDescription } from './nodeLabels';

interface CardProps {
  id: NodeId;
  x: number;
  y: number;
  width: number;
  height: number;
  role: string;
  badge?: string;
  /** The whole address and the status, wrapped to fit (never cut). */
  text: CardText;
  sentinel?: boolean;
  description: NodeDescription;
  detail?: string;
  selected: boolean;
  onSelect(id: NodeId): void;
}

/** What the diagram knows of a card; the selection is added where the card is drawn. */
type CardData = Omit<CardProps, 'selected' | 'onSelect'>;

/** SVG has no ellipsis: cut the detail (an offset) to what fits the card. */
const fit = (text: string, chars: number) => (text.length > chars ? `${text.slice(0, chars - 1)}…` : text);

function NodeCard(p: CardProps) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      p.onSelect(p.id);
    }
  };
  const chars = Math.floor((p.width - 28) / 6.6);
  // Sentinel cards are shorter: three lines, no detail. A wrapped address or status pushes the rest down.
  const { lines, status } = p.text;
  const afterAddress = (lines.length - 1) * ADDRESS_LINE_PX;
  const afterStatus = afterAddress + (status.length - 1) * STATUS_LINE_PX;
  const base = p.sentinel ? { role: 18, address: 35, status: 50 } : { role: 20, address: 40, status: 57, detail: 72 };
  const y = { ...base, status: base.status + afterAddress, detail: (base.detail ?? 0) + afterStatus };
  return (
    <g
      className={`topo-node tone-${p.description.tone}${p.selected ? ' topo-node-selected' : ''}`}
      style={{ transform: `translate(${p.x}px, ${p.y}px)` }}
      role="button"
      tabIndex={0}
      aria-label={p.description.label}
      aria-pressed={p.selected}
      data-node={p.id}
      onClick={() => p.onSelect(p.id)}
      onFocus={() => p.onSelect(p.id)}
      onKeyDown={onKeyDown}
    >
      <title>{p.description.label}</title>
      <rect className="topo-node-box" width={p.width} height={p.height} rx={8} />
      <rect className="topo-node-stripe" width={4} height={p.height - 16} x={0} y={8} rx={2} />
      <text className="topo-node-role" x={16} y={y.role}>
        {p.role}
      </text>
      {p.badge && (
        <text className="topo-node-badge" x={p.width - 12} y={y.role} textAnchor="end">
          {p.badge}
        </text>
      )}
      <text className="topo-node-address" x={TEXT_LEFT} y={y.address}>
        {lines.map((line, i) => (
          <tspan key={i} x={TEXT_LEFT} dy={i === 0 ? 0 : ADDRESS_LINE_PX}>
            {line}
          </tspan>
        ))}
      </text>
      <circle className="topo-node-dot" cx={p.width - 16} cy={y.address - 4} r={5} />
      <text className="topo-node-status" x={TEXT_LEFT} y={y.status}>
        {status.map((line, i) => (
          <tspan key={i} x={TEXT_LEFT} dy={i === 0 ? 0 : STATUS_LINE_PX}>
            {line}
          </tspan>
        ))}
      </text>
      {p.detail && (
        <text className="topo-node-detail" x={16} y={y.detail}>
          {fit(p.detail, chars)}
        </text>
      )}
    </g>
  );
}

function EdgePath({ edge }: { edge: Edge }) {
  const { from, to } = edge;
  const bend = Math.max(24, (from.y - to.y) / 2);
  const d = `M ${from.x} ${from.y} C ${from.x} ${from.y - bend}, ${to.x} ${to.y + bend}, ${to.x} ${to.y}`;
  return (
    <g className={`topo-edge topo-edge-${edge.link}`} aria-hidden="true">
      <path d={d} />
      {edge.link !== 'up' && (
        <text x={(from.x + to.x) / 2} y={(from.y + to.y) / 2} textAnchor="middle">
          link {edge.link}
        </text>
      )}
    </g>
  );
}

interface DiagramProps {
  snapshot: TopologySnapshot;
  selected: NodeId | undefined;
  onSelect(id: NodeId): void;
}

/**
 * The deployment as a picture: master on top, replicas below (the lines are their
 * replication links), sentinels on the right. Every node is a focusable button named with
 * its full state in words; cards are keyed by address, so a promoted replica slides up.
 */
export function TopologyDiagram({ snapshot, selected, onSelect }: DiagramProps) {
  const box = useRef<HTMLDivElement>(null);
  // The width there is: the layout fits it (sentinels go below the data nodes when narrow).
  const [width, setWidth] = useState<number>();
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(el.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // Descriptions first: the layout fits their status lines into the cards.
  const described = new Map<string, NodeDescription>();
  if (snapshot.master) {
    described.set(snapshot.master.address ?? snapshot.masterName, describeMaster(snapshot.master, snapshot));
  }
  for (const r of snapshot.replicas) {
    if (!described.has(r.address)) described.set(r.address, describeReplica(r, snapshot));
  }
  const sentinelWords = new Map(snapshot.sentinels.map((s) => [s.address, describeSentinel(s, snapshot)]));
  const layout = layoutDiagram(snapshot, {
    width,
    status: (address) => (described.get(address) ?? sentinelWords.get(address))?.status ?? '',
  });
  const failover = snapshot.failover;
  const data = [
    ...(layout.master
      ? [
          {
            ...layout.master,
            role: 'MASTER',
            description: described.get(layout.master.node.address ?? snapshot.masterName)!,
            detail: offsetWords(layout.master.node.replication?.offset),
            badge: failover ? 'FAILOVER' : undefined,
          },
        ]
      : []),
    ...layout.replicas.map((p) => ({
      ...p,
      role: 'REPLICA',
      description: described.get(p.node.address)!,
      detail: offsetWords(p.node.replication?.offset),
      badge: p.node.flags.promoted ? 'PROMOTED' : failover?.selectedReplica === p.node.address ? 'SELECTED' : undefined,
    })),
  ];
  // Cards in one stable order (by address): a role change then never moves a DOM node, which
  // would restart its style and skip the CSS transition that slides a promoted replica up.
  data.sort((a, b) => a.id.localeCompare(b.id));
  const card = (c: CardData) => <NodeCard key={c.id} {...c} selected={selected === c.id} onSelect={onSelect} />;
  return (
    <div className="topo-diagram-scroll" ref={box}>
      <svg
        className="topo-diagram"
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-label={`Topology of ${snapshot.masterName}`}
      >
        {layout.edges.map((edge) => (
          <EdgePath key={edge.id} edge={edge} />
        ))}
        <text className="topo-heading" x={layout.sentinelHeading.x} y={layout.sentinelHeading.y} aria-hidden="true">
          SENTINELS · QUORUM {snapshot.master?.quorum ?? '?'}
        </text>
        {data.map((d) => card({ ...d, ...layout.node }))}
        {layout.sentinels.map((p) =>
          card({
            id: p.id,
            x: p.x,
            y: p.y,
            ...layout.sentinel,
            sentinel: true,
            text: p.text,
            role: 'SENTINEL',
            badge: p.node.leader ? 'LEADER' : p.node.configured ? undefined : 'DISCOVERED',
            description: sentinelWords.get(p.node.address)!,
          }),
        )}
      </svg>
    </div>
  );
}
