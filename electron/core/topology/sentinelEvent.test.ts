import { describe, expect, it } from 'vitest';
import { dedupKey, parseSentinelEvent, quorumOf } from './sentinelEvent';

// Messages as redis-server 7 publishes them (recorded from a real failover).
describe('parseSentinelEvent', () => {
  it('parses a master instance event', () => {
    expect(parseSentinelEvent('+sdown', 'master mymaster 127.0.0.1 6379')).toEqual({
      channel: '+sdown',
      message: 'master mymaster 127.0.0.1 6379',
      instance: { role: 'master', name: 'mymaster', address: '127.0.0.1:6379' },
      master: { name: 'mymaster', address: '127.0.0.1:6379' },
    });
  });

  it('parses a replica event with its master and detail', () => {
    const e = parseSentinelEvent(
      '-role-change',
      'slave 127.0.0.1:6380 127.0.0.1 6380 @ mymaster 127.0.0.1 6379 new reported role is master',
    );
    expect(e.instance).toEqual({ role: 'replica', name: '127.0.0.1:6380', address: '127.0.0.1:6380' });
    expect(e.master).toEqual({ name: 'mymaster', address: '127.0.0.1:6379' });
    expect(e.detail).toBe('new reported role is master');
  });

  it('parses a sentinel event (named by run id)', () => {
    const e = parseSentinelEvent('+sdown', 'sentinel 14cc1a05 127.0.0.1 26380 @ mymaster 127.0.0.1 6379');
    expect(e.instance).toEqual({ role: 'sentinel', name: '14cc1a05', address: '127.0.0.1:26380' });
    expect(e.master?.name).toBe('mymaster');
  });

  it('parses +switch-master, +new-epoch and +vote-for-leader', () => {
    expect(parseSentinelEvent('+switch-master', 'mymaster 127.0.0.1 6379 127.0.0.1 6380')).toMatchObject({
      master: { name: 'mymaster', address: '127.0.0.1:6380' },
      switch: { from: '127.0.0.1:6379', to: '127.0.0.1:6380' },
    });
    expect(parseSentinelEvent('+new-epoch', '7').epoch).toBe(7);
    expect(parseSentinelEvent('+vote-for-leader', 'c8238526 3')).toMatchObject({ leaderRunId: 'c8238526', epoch: 3 });
  });

  it('keeps what it does not understand as detail', () => {
    expect(parseSentinelEvent('+tilt', '#tilt mode entered')).toMatchObject({ detail: '#tilt mode entered' });
    expect(parseSentinelEvent('+weird', 'something new')).toMatchObject({ detail: 'something new' });
    expect(parseSentinelEvent('+sdown', '').instance).toBeUndefined();
  });
});

describe('dedupKey', () => {
  it('ignores the per-sentinel quorum count of +odown', () => {
    const a = parseSentinelEvent('+odown', 'master mymaster 127.0.0.1 6379 #quorum 2/2');
    const b = parseSentinelEvent('+odown', 'master mymaster 127.0.0.1 6379 #quorum 3/2');
    expect(dedupKey(a)).toBe(dedupKey(b));
    expect(quorumOf(b.detail)).toEqual({ agree: 3, quorum: 2 });
  });

  it('tells different instances apart', () => {
    const a = parseSentinelEvent('+sdown', 'slave 127.0.0.1:1 127.0.0.1 1 @ m 127.0.0.1 9');
    const b = parseSentinelEvent('+sdown', 'slave 127.0.0.1:2 127.0.0.1 2 @ m 127.0.0.1 9');
    expect(dedupKey(a)).not.toBe(dedupKey(b));
  });
});
