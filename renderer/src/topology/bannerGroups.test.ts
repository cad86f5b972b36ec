import { describe, expect, it } from 'vitest';
import { groupBanners, INCIDENT_LEAD_MS } from './bannerGroups';
import { alert, failover } from './testSupport/snapshotFixture';

const A = '127.0.0.1:6379';
const B = '127.0.0.1:6380';
const C = '127.0.0.1:6381';

/** Two failovers, A → B then B → C, with the banners a session and the nodes add around them. */
function twoFailovers() {
  const records = [
    failover({ id: 'f1', from: A, to: B, outcome: 'completed', startedAt: 10_000 }),
    failover({ id: 'f2', from: B, to: C, outcome: 'completed', startedAt: 100_000, manual: true }),
  ];
  const alerts = [
    alert({
      id: 'i1',
      key: 'incident:f1',
      failoverId: 'f1',
      kind: 'failover-completed',
      severity: 'success',
      address: B,
      at: 14_000,
      message: { code: 'failover-completed', from: A, to: B, abortedAttempts: 0 },
    }),
    alert({ id: 's-lost', key: 'session:s1', kind: 'connection-lost', severity: 'warning', address: A, at: 7_000 }),
    alert({ id: 'r-a', key: `replica:${A}`, kind: 'replica-down', severity: 'warning', address: A, at: 15_000 }),
    alert({
      id: 'i2',
      key: 'incident:f2',
      failoverId: 'f2',
      kind: 'failover-completed',
      severity: 'success',
      address: C,
      at: 101_000,
      message: { code: 'failover-completed', from: B, to: C, abortedAttempts: 0 },
    }),
    alert({ id: 's-back', key: 'session:s2', kind: 'reconnected', severity: 'success', address: C, at: 102_000 }),
  ];
  return { records, alerts };
}

describe('banner lines', () => {
  it('gives each incident one line, headed by its own banner, with the banners it caused', () => {
    const { records, alerts } = twoFailovers();
    const groups = groupBanners(alerts, records);
    expect(groups.map((g) => [g.key, g.head.id, g.rest.map((a) => a.id)])).toEqual([
      ['incident:f2', 'i2', ['s-back']],
      ['incident:f1', 'i1', ['r-a', 's-lost']],
    ]);
  });

  it('joins the latest incident about the node, not an earlier one, nor one long after', () => {
    const { records, alerts } = twoFailovers();
    // B was the new master of f1 and the old one of f2: a later banner about B is f2's.
    const late = alert({ id: 'r-b', key: `replica:${B}`, kind: 'replica-down', address: B, at: 120_000 });
    expect(groupBanners([...alerts, late], records).find((g) => g.rest.includes(late))?.key).toBe('incident:f2');
    // Long before an incident started: not part of it.
    const early = alert({ id: 'old', key: `replica:${C}`, address: C, at: 100_000 - INCIDENT_LEAD_MS - 1 });
    expect(groupBanners([early, alerts[3]!], records).map((g) => g.key)).toEqual(['incident:f2', 'replicas']);
  });

  it('collapses banners of no incident by subject, the most severe at the head', () => {
    const groups = groupBanners(
      [
        alert({ id: 's1', key: 'sentinel:1', kind: 'sentinel-down', severity: 'warning', address: '1', at: 1 }),
        alert({ id: 's2', key: 'sentinel:2', kind: 'sentinel-down', severity: 'warning', address: '2', at: 3 }),
        alert({ id: 't', key: 'tilt:3', kind: 'tilt', severity: 'error', address: '3', at: 2 }),
        alert({ id: 'q', key: 'quorum:mymaster', kind: 'failover-impossible', severity: 'error', at: 4 }),
        alert({ id: 'r', key: 'replica:9', kind: 'replica-up', severity: 'success', address: '9', at: 5 }),
      ],
      [],
    );
    expect(groups.map((g) => [g.key, g.head.id, g.rest.map((a) => a.id)])).toEqual([
      ['replicas', 'r', []],
      ['quorum', 'q', []],
      ['sentinels', 't', ['s2', 's1']],
    ]);
  });

  it('uses the incident banner’s own address when the failover record is not known yet', () => {
    const head = alert({ id: 'i', key: 'incident:fx', failoverId: 'fx', kind: 'master-sdown', address: A, at: 5_000 });
    const lost = alert({ id: 'l', key: 'session:s', kind: 'connection-lost', address: A, at: 4_000 });
    expect(groupBanners([head, lost], []).map((g) => [g.key, g.rest.length])).toEqual([['incident:fx', 1]]);
  });
});
