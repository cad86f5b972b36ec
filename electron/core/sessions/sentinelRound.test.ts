import { describe, expect, it } from 'vitest';
import { SentinelRoundLog, sentinelRoundError } from './sentinelRound';
import { sentinelProfile } from './testSupport/sessionTestbed';

// The messages ioredis 5 puts in its `sentinelError` events (see SentinelConnector.connect).
const refused = (at: string) => `failed to connect to sentinel ${at} because connect ECONNREFUSED ${at}`;
const wrongPass = (at: string) =>
  `failed to connect to sentinel ${at} because WRONGPASS invalid username-password pair or user is disabled.`;
const noAddress = (at: string) => `connected to sentinel ${at} successfully, but got an invalid reply: null`;

const master = sentinelProfile({ sentinels: [{ host: '10.0.0.1', port: 26379 }], masterName: 'cache' });
const replica = sentinelProfile({
  sentinels: [{ host: '10.0.0.1', port: 26379 }],
  masterName: 'cache',
  role: 'replica',
});

describe('sentinelRoundError', () => {
  it('unreachable sentinels: NO_SENTINEL_REACHABLE listing each, worth retrying', () => {
    const round = sentinelRoundError([refused('10.0.0.1:26379'), refused('10.0.0.2:26379')], master);
    expect(round.fatal).toBe(false);
    expect(round.error.code).toBe('NO_SENTINEL_REACHABLE');
    expect(round.error.message).toContain('10.0.0.1:26379');
    expect(round.error.message).toContain('10.0.0.2:26379');
  });

  it('every sentinel refusing the password is fatal and says it is the sentinel password', () => {
    const round = sentinelRoundError([wrongPass('10.0.0.1:26379')], master);
    expect(round).toMatchObject({ fatal: true, error: { code: 'AUTH_FAILED' } });
    expect(round.error.message).toContain('Sentinel 10.0.0.1:26379 rejected the sentinel username or password');
  });

  it('a sentinel that answers "No such master" forgot the name: UNKNOWN_MASTER, not unreachable', () => {
    const noSuch = `failed to connect to sentinel 10.0.0.1:26379 because ERR No such master with that name`;
    expect(sentinelRoundError([noSuch], master)).toMatchObject({ fatal: true, error: { code: 'UNKNOWN_MASTER' } });
    expect(sentinelRoundError([noSuch], master).error.message).toContain('does not monitor a master named "cache"');
  });

  it('a forgotten master name is fatal; no healthy replica is worth waiting for', () => {
    expect(sentinelRoundError([noAddress('10.0.0.1:26379')], master)).toMatchObject({
      fatal: true,
      error: { code: 'UNKNOWN_MASTER' },
    });
    expect(sentinelRoundError([noAddress('10.0.0.1:26379')], replica)).toMatchObject({
      fatal: false,
      error: { code: 'NO_REPLICA' },
    });
  });

  it('a mix of causes keeps retrying', () => {
    const round = sentinelRoundError([wrongPass('10.0.0.1:26379'), refused('10.0.0.2:26379')], master);
    expect(round.fatal).toBe(false);
  });
});

describe('SentinelRoundLog', () => {
  const two = sentinelProfile({
    sentinels: [
      { host: '10.0.0.1', port: 26379 },
      { host: '10.0.0.2', port: 26379 },
    ],
    masterName: 'cache',
  });

  it('a round that ended before every sentinel failed says nothing once connected, and starts over', () => {
    const log = new SentinelRoundLog(two);
    log.add(refused('10.0.0.2:26379'));
    expect(log.end(true)).toBeUndefined();
    log.add(refused('10.0.0.1:26379'));
    log.add(refused('10.0.0.2:26379'));
    expect(log.end(true)).toMatchObject({ error: { code: 'NO_SENTINEL_REACHABLE' }, fatal: false });
  });

  it('before the first connect every round counts, and each round starts empty', () => {
    const log = new SentinelRoundLog(two);
    log.add(wrongPass('10.0.0.1:26379'));
    expect(log.end(false)).toMatchObject({ error: { code: 'AUTH_FAILED' }, fatal: true });
    expect(log.end(false)).toMatchObject({ error: { code: 'NO_SENTINEL_REACHABLE' }, fatal: false });
  });
});
