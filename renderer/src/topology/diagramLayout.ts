import type { TopologySnapshot } from '../../../shared/api/topology';
import { replicaLink } from './nodeLabels';

export const NODE = { width: 216, height: 80 } as const;
export const SENTINEL = { width: 232, height: 58 } as const;
const GAP_X = 20;
const ROW_GAP = 72;
const PAD = 16;
const SENTINEL_GAP = 10;
/** Room between the data nodes and the sentinel column. */
const COLUMN_GAP = 48;
const PER_ROW = 4;

export type DataNodeId = `data:${string}`;
export type SentinelId = `sentinel:${string}`;
export type NodeId = DataNodeId | SentinelId;

/** Data nodes keep their id across role changes, so a promoted replica's card moves up. */
export const dataNodeId = (address: string | null): DataNodeId => `data:${address ?? '(none)'}`;
export const sentinelId = (address: string): SentinelId => `sentinel:${address}`;

export interface Placed<T> {
  id: NodeId;
  x: number;
  y: number;
  node: T;
}

export interface Edge {
  id: string;
  from: { x: number; y: number };
  to: { x: number; y: number };
  link: 'up' | 'down' | 'unknown';
}

export interface DiagramLayout {
  width: number;
  height: number;
  master?: Placed<NonNullable<TopologySnapshot['master']>>;
  replicas: Placed<TopologySnapshot['replicas'][number]>[];
  sentinels: Placed<TopologySnapshot['sentinels'][number]>[];
  edges: Edge[];
  /** Where the sentinel column's heading sits. */
  sentinelHeading: { x: number; y: number };
}

/**
 * Master on top, replicas in rows of four below it (each row centred), sentinels in a
 * column on the right. Pure: positions only, in SVG pixels.
 */
export function layoutDiagram(snapshot: TopologySnapshot): DiagramLayout {
  const master = snapshot.master;
  const replicas = snapshot.replicas.filter((r) => r.address !== master?.address);
  const perRow = Math.min(PER_ROW, Math.max(1, replicas.length));
  const dataWidth = perRow * NODE.width + (perRow - 1) * GAP_X;
  const rowX = (count: number) => PAD + (dataWidth - (count * NODE.width + (count - 1) * GAP_X)) / 2;

  const placedMaster = master ? { id: dataNodeId(master.address), x: rowX(1), y: PAD + 20, node: master } : undefined;
  const firstRowY = PAD + 20 + NODE.height + ROW_GAP;
  const placedReplicas = replicas.map((node, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, replicas.length - row * perRow);
    return {
      id: dataNodeId(node.address),
      x: rowX(inRow) + (i % perRow) * (NODE.width + GAP_X),
      y: firstRowY + row * (NODE.height + ROW_GAP / 2),
      node,
    };
  });

  type Spot = { id: NodeId; x: number; y: number };
  const spots = new Map<string, Spot>(placedReplicas.map((p) => [p.node.address, p]));
  if (placedMaster && master?.address) spots.set(master.address, placedMaster);
  const edges: Edge[] = [];
  for (const p of placedReplicas) {
    // A replica points at the master it follows (INFO), else at the monitored master.
    const follows = p.node.replication?.masterAddress;
    const target = (follows && spots.get(follows)) || placedMaster;
    if (!target || target.id === p.id) continue;
    edges.push({
      id: `${p.id}->${target.id}`,
      from: { x: p.x + NODE.width / 2, y: p.y },
      to: { x: target.x + NODE.width / 2, y: target.y + NODE.height },
      link: p.node.flags.sDown ? 'down' : replicaLink(p.node),
    });
  }

  const columnX = PAD + dataWidth + COLUMN_GAP;
  const sentinels = snapshot.sentinels.map((node, i) => ({
    id: sentinelId(node.address),
    x: columnX,
    y: PAD + 20 + i * (SENTINEL.height + SENTINEL_GAP),
    node,
  }));
  const dataBottom = Math.max(firstRowY + NODE.height, ...placedReplicas.map((p) => p.y + NODE.height));
  const sentinelBottom = sentinels.length ? sentinels.at(-1)!.y + SENTINEL.height : 0;
  return {
    width: columnX + SENTINEL.width + PAD,
    height: Math.max(dataBottom, sentinelBottom) + PAD,
    ...(placedMaster && { master: placedMaster }),
    replicas: placedReplicas,
    sentinels,
    edges,
    sentinelHeading: { x: columnX, y: PAD + 8 },
  };
}

/** Beyond this the table reads better than the diagram. */
export const prefersCompact = (snapshot: TopologySnapshot): boolean =>
  snapshot.replicas.length > 8 || snapshot.sentinels.length > 7;
