import { describe, expect, it } from 'vitest';
import { describeMaster, describeReplica, describeSentinel } from './nodeLabels';
import { flags, replica, sentinel, snapshot } from './testSupport/snapshotFixture';

describe('node descriptions', () => {
  it('names a healthy replica with its link and lag', () => {
    const snap = snapshot();
    const d = describeReplica(replica(6380, { lagSeconds: 0, lagBytes: 0 }), snap);
    expect(d.label).toBe('127.0.0.1:6380 — replica — link up — lag 0 s, 0 B behind');
    expect(d.tone).toBe('ok');
    expect(d.state).toBe('up');
  });

  it('says when a replica is down, lagging or selected for promotion', () => {
    const snap = snapshot({ failover: { id: 'f1', phase: 'selected-replica', selectedReplica: '127.0.0.1:6381' } });
    const down = replica(6380, {
      flags: flags(['slave', 's_down']),
      reachable: false,
      replication: undefined,
      lagBytes: undefined,
      lagSeconds: undefined,
      sentinelLinkStatus: 'down',
    });
    expect(describeReplica(down, snap)).toMatchObject({
      tone: 'down',
      label: '127.0.0.1:6380 — replica — down — link down',
    });
    expect(describeReplica(replica(6381, { lagBytes: 5 * 1024 * 1024 }), snap)).toMatchObject({
      tone: 'warn',
      label: '127.0.0.1:6381 — replica, selected for promotion — link up — lag 0 s, 5.0 MB behind',
    });
  });

  // Issue #12: a former master not reconfigured yet read "link down" — it has no link: it is
  // still a master, for a few seconds, until Sentinel turns it into a replica.
  it('says a demoted master is still a master until Sentinel reconfigures it', () => {
    const demoted = replica(6379, {
      replication: { role: 'master', offset: 10, connectedReplicas: 0 },
      lagBytes: undefined,
      lagSeconds: undefined,
      sentinelLinkStatus: 'down',
    });
    expect(describeReplica(demoted, snapshot())).toMatchObject({
      tone: 'warn',
      status: 'still a master',
      label: '127.0.0.1:6379 — replica — still a master, until Sentinel makes it a replica',
    });
  });

  it('describes the master: up, subjectively down with agreement, objectively down, none', () => {
    const snap = snapshot();
    expect(describeMaster(snap.master!, snap).label).toBe('127.0.0.1:6379 — master — up — 2 replicas connected');
    const sDown = { ...snap.master!, flags: flags(['master', 's_down']), sDownBy: ['a', 'b'] };
    expect(describeMaster(sDown, snap)).toMatchObject({
      tone: 'down',
      state: 'subjectively down (2 of 3 sentinels agree)',
    });
    const oDown = { ...snap.master!, flags: flags(['master', 's_down', 'o_down']) };
    expect(describeMaster(oDown, snap).state).toBe('objectively down');
    expect(describeMaster({ ...snap.master!, address: null }, snap).label).toBe('no master for mymaster');
  });

  it('describes sentinels: agreement, leadership, down', () => {
    const snap = snapshot();
    expect(describeSentinel(sentinel(26379, { leader: true }), snap).label).toBe(
      '127.0.0.1:26379 — sentinel — up — failover leader — agrees on the master',
    );
    expect(describeSentinel(sentinel(26380, { agrees: false, masterAddress: '127.0.0.1:6380' }), snap)).toMatchObject({
      tone: 'warn',
      status: 'up · sees 127.0.0.1:6380',
    });
    expect(
      describeSentinel(sentinel(26381, { reachable: false, subscribed: false, error: 'connection refused' }), snap),
    ).toMatchObject({ tone: 'down', label: '127.0.0.1:26381 — sentinel — down — connection refused' });
  });
});
