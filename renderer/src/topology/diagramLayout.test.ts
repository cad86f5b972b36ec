import { describe, expect, it } from 'vitest';
import { dataNodeId, layoutDiagram, NODE, prefersCompact } from './diagramLayout';
import { flags, replica, sentinel, snapshot } from './snapshotFixture';

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
});
