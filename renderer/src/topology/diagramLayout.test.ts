import { describe, expect, it } from 'vitest';
import { ADDRESS_CHAR_PX, STATUS_CHAR_PX, TEXT_LEFT } from './cardText';
import { dataNodeId, layoutDiagram, NODE, prefersCompact, type DiagramLayout } from './diagramLayout';
import { flags, replica, sentinel, snapshot } from './testSupport/snapshotFixture';

describe('diagram layout', () => {
  it('puts the master above its replicas, centred, and sentinels to the right', () => {
    const layout = layoutDiagram(snapshot());
    const [a, b] = layout.replicas;
    expect(layout.master!.y).toBeLessThan(a!.y);
    expect(a!.y).toBe(b!.y);
    expect(layout.master!.x + NODE.width / 2).toBe((a!.x + b!.x + NODE.width) / 2);
    expect(Math.min(...layout.sentinels.map((s) => s.x))).toBeGreaterThan(b!.x + NODE.width);
    expect(layout.edges.map((e) => e.link)).toEqual(['up', 'up']);
  });

  it('keeps a node id across a role change, links a replica to the master it follows', () => {
    const before = layoutDiagram(snapshot());
    const after = layoutDiagram(
      snapshot({
        master: { ...snapshot().master!, address: '127.0.0.1:6380' },
        replicas: [
          replica(6379, {
            flags: flags(['slave', 's_down']),
            replication: undefined,
            sentinelLinkStatus: 'down',
          }),
          replica(6381, {
            replication: { role: 'replica', masterAddress: '127.0.0.1:6380', linkStatus: 'up', offset: 5 },
          }),
        ],
      }),
    );
    expect(before.replicas[0]!.id).toBe(dataNodeId('127.0.0.1:6380'));
    expect(after.master!.id).toBe(dataNodeId('127.0.0.1:6380'));
    expect(after.edges.map((e) => [e.id, e.link])).toEqual([
      ['data:127.0.0.1:6379->data:127.0.0.1:6380', 'down'],
      ['data:127.0.0.1:6381->data:127.0.0.1:6380', 'up'],
    ]);
  });

  it('wraps replicas in rows of four and prefers the table for big deployments', () => {
    const many = snapshot({ replicas: Array.from({ length: 9 }, (_, i) => replica(7000 + i)) });
    const rows = new Set(layoutDiagram(many).replicas.map((p) => p.y));
    expect(rows.size).toBe(3);
    expect(prefersCompact(many)).toBe(true);
    expect(prefersCompact(snapshot({ sentinels: [sentinel(1)] }))).toBe(false);
  });

  it('keeps the sentinel column beside the data nodes when it fits, below them when it does not', () => {
    const wide = layoutDiagram(snapshot(), { width: 1200 });
    expect(wide.width).toBeLessThanOrEqual(1200);
    expect(wide.sentinels.every((s) => s.x > wide.replicas[1]!.x + NODE.width)).toBe(true);

    // At 1280x800 the diagram gets about 650 px: everything inside it, sentinels below.
    const narrow = layoutDiagram(snapshot(), { width: 650 });
    expect(narrow.width).toBeLessThanOrEqual(650);
    const dataBottom = Math.max(...narrow.replicas.map((r) => r.y + narrow.node.height));
    for (const s of narrow.sentinels) {
      expect(s.y).toBeGreaterThan(dataBottom);
      expect(s.x).toBeGreaterThanOrEqual(0);
      expect(s.x + narrow.sentinel.width).toBeLessThanOrEqual(narrow.width);
    }
    // Narrower sentinel cards there: all three in one row.
    expect(new Set(narrow.sentinels.map((s) => s.y)).size).toBe(1);
    expect(narrow.sentinelHeading.y).toBeGreaterThan(dataBottom);
    expect(narrow.sentinelHeading.y).toBeLessThan(Math.min(...narrow.sentinels.map((s) => s.y)));
    expect(narrow.height).toBeGreaterThanOrEqual(
      Math.max(...narrow.sentinels.map((s) => s.y)) + narrow.sentinel.height,
    );
  });

  it('never cuts an address: cards widen for it, and wrap it beyond that', () => {
    const long = 'redis-sentinel-2.eu-west-1.prod.internal.example.com:26379';
    const host = 'cache-a.internal:6379';
    const layout = layoutDiagram(
      snapshot({
        master: { ...snapshot().master!, address: host },
        sentinels: [sentinel(26379), sentinel(0, { address: long })],
      }),
      { width: 650 },
    );
    const fits = (lines: string[], width: number) =>
      lines.every((l) => TEXT_LEFT + l.length * ADDRESS_CHAR_PX <= width - 24);
    const all = (l: DiagramLayout) => [
      ...[l.master!, ...l.replicas].map((p) => ({ p, card: l.node })),
      ...l.sentinels.map((p) => ({ p, card: l.sentinel })),
    ];
    for (const { p, card } of all(layout)) {
      const address = 'address' in p.node && p.node.address ? p.node.address : '';
      expect(p.text.lines.join('')).toBe(address);
      expect(fits(p.text.lines, card.width)).toBe(true);
    }
    expect(layout.master!.text.lines).toEqual([host]);
    expect(layout.node.width).toBeGreaterThan(NODE.width);
    const wrapped = layout.sentinels[1]!.text.lines;
    expect(wrapped.length).toBeGreaterThan(1);
    expect(wrapped.at(-1)).toMatch(/:26379$/);
    expect(layout.sentinel.height).toBeGreaterThan(layoutDiagram(snapshot()).sentinel.height);
  });

  it('never cuts an address in a status either: it wraps between the parts', () => {
    const seen = 'up · failover leader · sees 127.0.0.1:6380';
    const layout = layoutDiagram(snapshot(), {
      width: 650,
      status: (a) => (a.endsWith(':26380') ? seen : 'up · agrees'),
    });
    const card = layout.sentinels[1]!;
    expect(card.text.status.join(' · ')).toBe(seen);
    expect(card.text.status.some((l) => l.includes('sees 127.0.0.1:6380'))).toBe(true);
    expect(card.text.status.every((l) => TEXT_LEFT + l.length * STATUS_CHAR_PX <= layout.sentinel.width)).toBe(true);
    expect(layout.sentinel.height).toBeGreaterThan(layoutDiagram(snapshot(), { width: 650 }).sentinel.height);
  });
});
