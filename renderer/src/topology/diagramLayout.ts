import type { TopologySnapshot } from '../../../shared/api/topology';
import {
  ADDRESS_LINE_PX,
  addressChars,
  addressWidth,
  STATUS_LINE_PX,
  statusChars,
  wrapAddress,
  wrapStatus,
} from './cardText';
import { replicaLink } from './nodeLabels';

/** The smallest cards; a card grows (up to MAX_CARD_WIDTH) to show its address on one line. */
export const NODE = { width: 216, height: 80 } as const;
export const SENTINEL = { width: 232, height: 58 } as const;
const MAX_CARD_WIDTH = 300;
const GAP_X = 20;
const ROW_GAP = 72;
const PAD = 16;
const SENTINEL_GAP = 10;
/** Room between the data nodes and the sentinel column. */
const COLUMN_GAP = 48;
/** Room above a row of sentinels placed below the data nodes (for its heading). */
const SENTINEL_ROW_GAP = 44;
const PER_ROW = 4;
/** The narrowest sentinel card in rows below the data nodes (room for its role, badge and state). */
const MIN_ROW_SENTINEL_WIDTH = 184;

/** What a card shows of its node, fitted to the card. */
export interface CardText {
  /** The address (or the master's name when it has none), whole, wrapped. */
  lines: string[];
  status: string[];
}

/**
 * One kind of card (data nodes or sentinels): a width for the longest address, the text of
 * each, and a height for the most lines.
 */
function cardSize(
  addresses: string[],
  base: { width: number; height: number },
  status: (address: string) => string,
  min = base.width,
) {
  const width = Math.min(MAX_CARD_WIDTH, Math.max(min, ...addresses.map(addressWidth)));
  const text = new Map<string, CardText>(
    addresses.map((a) => [
      a,
      { lines: wrapAddress(a, addressChars(width)), status: wrapStatus(status(a), statusChars(width)) },
    ]),
  );
  const more = (pick: (t: CardText) => string[]) => Math.max(0, ...[...text.values()].map((t) => pick(t).length - 1));
  const height = base.height + more((t) => t.lines) * ADDRESS_LINE_PX + more((t) => t.status) * STATUS_LINE_PX;
  return { width, height, text };
}

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
  text: CardText;
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
  /** Card sizes (every data card alike, every sentinel card alike). */
  node: { width: number; height: number };
  sentinel: { width: number; height: number };
  /** Where the sentinels' heading sits. */
  sentinelHeading: { x: number; y: number };
}

export interface LayoutOptions {
  /** The width there is (the diagram's box): sentinels move below the data nodes to fit it. */
  width?: number;
  /** The status line of the node at an address (wrapped to fit, between its parts). */
  status?: (address: string) => string;
}

/**
 * Master on top, replicas in rows of up to four below it (each row centred), sentinels in a
 * column on the right — or in rows below when that column would not fit the width there is.
 * Cards are as wide as their addresses need (wrapped beyond a maximum), so no address is ever
 * cut. Pure: positions, sizes and fitted text, in SVG pixels.
 */
export function layoutDiagram(snapshot: TopologySnapshot, options: LayoutOptions = {}): DiagramLayout {
  const master = snapshot.master;
  const masterLabel = master ? (master.address ?? snapshot.masterName) : undefined;
  const replicas = snapshot.replicas.filter((r) => r.address !== master?.address);
  const status = options.status ?? (() => '');
  const node = cardSize([...(masterLabel ? [masterLabel] : []), ...replicas.map((r) => r.address)], NODE, status);
  const sentinelAddresses = snapshot.sentinels.map((s) => s.address);
  const column = cardSize(sentinelAddresses, SENTINEL, status);
  const room = options.width ?? Infinity;
  const fitting = (card: number) => Math.max(1, Math.floor((room - 2 * PAD + GAP_X) / (card + GAP_X)));
  const perRow = Math.min(PER_ROW, Math.max(1, replicas.length), fitting(node.width));
  const rowWidth = (count: number, card: number) => count * card + (count - 1) * GAP_X;
  const dataWidth = rowWidth(perRow, node.width);
  const besides = PAD + dataWidth + COLUMN_GAP + column.width + PAD <= room || snapshot.sentinels.length === 0;
  // In rows below, sentinel cards are only as wide as their addresses need: more fit a row.
  const sentinel = besides ? column : cardSize(sentinelAddresses, SENTINEL, status, MIN_ROW_SENTINEL_WIDTH);
  const sentinelsPerRow = Math.min(snapshot.sentinels.length, fitting(sentinel.width));
  const contentWidth = besides
    ? dataWidth
    : Math.max(dataWidth, rowWidth(Math.max(1, sentinelsPerRow), sentinel.width));
  const dataLeft = PAD + (contentWidth - dataWidth) / 2;
  const rowX = (count: number) => dataLeft + (dataWidth - rowWidth(count, node.width)) / 2;

  const placedMaster = master
    ? { id: dataNodeId(master.address), x: rowX(1), y: PAD + 20, node: master, text: node.text.get(masterLabel!)! }
    : undefined;
  const firstRowY = PAD + 20 + node.height + ROW_GAP;
  const placedReplicas = replicas.map((r, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, replicas.length - row * perRow);
    return {
      id: dataNodeId(r.address),
      x: rowX(inRow) + (i % perRow) * (node.width + GAP_X),
      y: firstRowY + row * (node.height + ROW_GAP / 2),
      node: r,
      text: node.text.get(r.address)!,
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
      from: { x: p.x + node.width / 2, y: p.y },
      to: { x: target.x + node.width / 2, y: target.y + node.height },
      link: p.node.flags.sDown ? 'down' : replicaLink(p.node),
    });
  }

  const dataBottom = Math.max(firstRowY + node.height, ...placedReplicas.map((p) => p.y + node.height));
  let sentinels: DiagramLayout['sentinels'];
  let sentinelHeading: DiagramLayout['sentinelHeading'];
  if (besides) {
    const columnX = PAD + dataWidth + COLUMN_GAP;
    sentinels = snapshot.sentinels.map((s, i) => ({
      id: sentinelId(s.address),
      x: columnX,
      y: PAD + 20 + i * (sentinel.height + SENTINEL_GAP),
      node: s,
      text: sentinel.text.get(s.address)!,
    }));
    sentinelHeading = { x: columnX, y: PAD + 8 };
  } else {
    // Below the data nodes, in centred rows that fit the width.
    const top = dataBottom + SENTINEL_ROW_GAP;
    const count = snapshot.sentinels.length;
    const left = (row: number) => {
      const inRow = Math.min(sentinelsPerRow, count - row * sentinelsPerRow);
      return PAD + (contentWidth - rowWidth(inRow, sentinel.width)) / 2;
    };
    sentinels = snapshot.sentinels.map((s, i) => {
      const row = Math.floor(i / sentinelsPerRow);
      return {
        id: sentinelId(s.address),
        x: left(row) + (i % sentinelsPerRow) * (sentinel.width + GAP_X),
        y: top + row * (sentinel.height + SENTINEL_GAP),
        node: s,
        text: sentinel.text.get(s.address)!,
      };
    });
    sentinelHeading = { x: left(0), y: top - 12 };
  }
  const sentinelBottom = sentinels.length ? sentinels.at(-1)!.y + sentinel.height : 0;
  return {
    width: besides ? PAD + dataWidth + COLUMN_GAP + sentinel.width + PAD : PAD + contentWidth + PAD,
    height: Math.max(dataBottom, sentinelBottom) + PAD,
    ...(placedMaster && { master: placedMaster }),
    replicas: placedReplicas,
    sentinels,
    edges,
    node: { width: node.width, height: node.height },
    sentinel: { width: sentinel.width, height: sentinel.height },
    sentinelHeading,
  };
}

/** Beyond this the table reads better than the diagram. */
export const prefersCompact = (snapshot: TopologySnapshot): boolean =>
  snapshot.replicas.length > 8 || snapshot.sentinels.length > 7;
