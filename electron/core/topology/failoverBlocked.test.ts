import { describe, expect, it } from 'vitest';
import { alertText } from '../../../renderer/src/topology/alertText';
import type { SentinelEntry } from '../redis/sentinelReplies';
import { failoverBlocked, failoverBlockedAlert } from './failoverBlocked';
import { parseCkQuorum, type CkQuorum, type SentinelAnswer } from './sentinelAnswer';
import { buildTopology, type SentinelState } from './snapshotBuilder';

const master: SentinelEntry = { name: 'mymaster', ip: '127.0.0.1', port: '6379', flags: 'master', quorum: '2' };

const sentinel = (port: number, ckquorum?: CkQuorum | 'down'): SentinelState => {
  const answer: SentinelAnswer = {
    masters: [master],
    master,
    replicas: [],
    sentinels: [],
    masterAddress: '127.0.0.1:6379',
    ...(ckquorum && ckquorum !== 'down' && { ckquorum }),
  };
  return ckquorum === 'down'
    ? { address: `127.0.0.1:${port}`, configured: true, reachable: false, subscribed: false }
    : { address: `127.0.0.1:${port}`, configured: true, reachable: true, subscribed: true, answer };
};

const dataNodes = new Map([['127.0.0.1:6379', { reachable: true, info: { role: 'master' as const, offset: 1 } }]]);

describe('failoverBlocked', () => {
  it('reads CKQUORUM’s OK and NOQUORUM replies, and nothing else', () => {
    expect(parseCkQuorum([null, 'OK 3 usable Sentinels. Quorum and failover authorization can be reached'])).toEqual({
      ok: true,
      usable: 3,
    });
    const noQuorum = new Error(
      'NOQUORUM 1 usable Sentinels. Not enough available Sentinels to reach the majority and authorize a failover',
    );
    expect(parseCkQuorum([noQuorum, null])).toEqual({ ok: false, usable: 1 });
    expect(parseCkQuorum([new Error("ERR Unknown sentinel subcommand 'CKQUORUM'"), null])).toBeUndefined();
    expect(parseCkQuorum(undefined)).toBeUndefined();
  });

  // Issue #12: with 2 of 3 sentinels down CKQUORUM already said NOQUORUM, yet the badge only
  // read "Degraded" and nothing was said until the master died.
  it('says so while the master is up when the sentinels report no quorum, and when it is back', () => {
    const down = [sentinel(26379, { ok: false, usable: 1 }), sentinel(26380, 'down'), sentinel(26381, 'down')];
    const blocked = failoverBlocked(down, 2);
    expect(blocked).toEqual({ code: 'noquorum', usable: 1, reachable: 1, sentinels: 3, majority: 2, quorum: 2 });
    const built = buildTopology({ masterName: 'mymaster', sentinels: down, dataNodes, failover: null });
    expect(built.health).toBe('no-failover');
    expect(built.failoverBlocked).toEqual(blocked);

    const alert = failoverBlockedAlert(blocked, undefined, 'mymaster');
    expect(alert).toMatchObject({ key: 'quorum:mymaster', kind: 'failover-impossible', severity: 'error' });
    expect(alertText(alert!.message)).toBe(
      'If the master of "mymaster" fails now, no failover can happen: the sentinels report no quorum (1 usable sentinel, a failover needs a quorum of 2 and a majority of 2).',
    );

    const back = [sentinel(26379, { ok: true, usable: 3 }), sentinel(26380), sentinel(26381)];
    expect(failoverBlocked(back, 2)).toBeUndefined();
    expect(buildTopology({ masterName: 'mymaster', sentinels: back, dataNodes, failover: null }).health).toBe(
      'healthy',
    );
    expect(failoverBlockedAlert(undefined, 'failover-impossible', 'mymaster')).toMatchObject({
      key: 'quorum:mymaster',
      kind: 'failover-possible',
      transient: true,
    });
    // Nothing to clear when nothing was announced.
    expect(failoverBlockedAlert(undefined, undefined, 'mymaster')).toBeUndefined();
    expect(failoverBlockedAlert(undefined, 'failover-possible', 'mymaster')).toBeUndefined();
  });

  it('needs only one sentinel able to authorize, and a majority answering', () => {
    expect(failoverBlocked([sentinel(1, { ok: false }), sentinel(2, { ok: true }), sentinel(3)], 2)).toBeUndefined();
    expect(failoverBlocked([sentinel(1), sentinel(2, 'down'), sentinel(3, 'down')], 2)).toMatchObject({
      code: 'majority-unreachable',
      reachable: 1,
      majority: 2,
    });
    expect(failoverBlocked([sentinel(1, 'down'), sentinel(2, 'down')])).toBeUndefined();
  });
});
