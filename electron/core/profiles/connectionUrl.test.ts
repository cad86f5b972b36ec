import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/apiFailure';
import { parseConnectionUrl } from './connectionUrl';

const failure = (url: string): ApiFailure => {
  try {
    parseConnectionUrl(url);
  } catch (e) {
    if (e instanceof ApiFailure) return e;
    throw e;
  }
  throw new Error(`expected ${url} to be refused`);
};

describe('parseConnectionUrl: redis:// and rediss://', () => {
  it.each([
    ['redis://localhost', { kind: 'standalone', host: 'localhost', port: 6379 }],
    ['redis://cache.internal:6380', { kind: 'standalone', host: 'cache.internal', port: 6380 }],
    ['redis://cache:6380/4', { kind: 'standalone', host: 'cache', port: 6380, db: 4 }],
    ['redis://cache/', { kind: 'standalone', host: 'cache', port: 6379 }],
    [
      'redis://alice:s3cret@cache:6379/2',
      { kind: 'standalone', host: 'cache', port: 6379, username: 'alice', password: 's3cret', db: 2 },
    ],
    ['redis://:only-pass@cache', { kind: 'standalone', host: 'cache', port: 6379, password: 'only-pass' }],
    ['redis://alice@cache', { kind: 'standalone', host: 'cache', port: 6379, username: 'alice' }],
    ['redis://alice:@cache', { kind: 'standalone', host: 'cache', port: 6379, username: 'alice' }],
    [
      'rediss://cache.example.com:6380',
      { kind: 'standalone', host: 'cache.example.com', port: 6380, tls: { enabled: true } },
    ],
    ['redis://[::1]:7000/1', { kind: 'standalone', host: '::1', port: 7000, db: 1 }],
    ['redis://[::1]', { kind: 'standalone', host: '::1', port: 6379 }],
    ['redis://[fe80::1%25eth0]:6379', { kind: 'standalone', host: 'fe80::1%eth0', port: 6379 }],
    ['redis://cache?db=3', { kind: 'standalone', host: 'cache', port: 6379, db: 3 }],
    ['REDIS://cache:6379', { kind: 'standalone', host: 'cache', port: 6379 }],
    ['  redis://cache  ', { kind: 'standalone', host: 'cache', port: 6379 }],
  ])('%s', (url, draft) => {
    expect(parseConnectionUrl(url)).toEqual(draft);
  });

  it('percent-decodes the user name and password', () => {
    expect(parseConnectionUrl('redis://us%40er:p%3Ass%2Fw%25rd%20x@cache')).toMatchObject({
      username: 'us@er',
      password: 'p:ss/w%rd x',
    });
  });

  it('accepts unescaped "@", ":" and "#" inside the password (the last "@" ends it)', () => {
    expect(parseConnectionUrl('redis://bob:p@ss:w#rd@cache:6379/1')).toEqual({
      kind: 'standalone',
      host: 'cache',
      port: 6379,
      username: 'bob',
      password: 'p@ss:w#rd',
      db: 1,
    });
  });
});

describe('parseConnectionUrl: redis-sentinel://', () => {
  it('reads sentinels, default port 26379, db and the master name', () => {
    expect(parseConnectionUrl('redis-sentinel://s1:26380,s2,[::1]:26381/3#mymaster')).toEqual({
      kind: 'sentinel',
      sentinels: [
        { host: 's1', port: 26380 },
        { host: 's2', port: 26379 },
        { host: '::1', port: 26381 },
      ],
      masterName: 'mymaster',
      db: 3,
    });
  });

  it('reads the credentials as the data nodes’ (a single token is the password), as client libraries do', () => {
    const draft = parseConnectionUrl('redis-sentinel://secret@h1:26379,h2:26380#mymaster');
    expect(draft).toEqual({
      kind: 'sentinel',
      sentinels: [
        { host: 'h1', port: 26379 },
        { host: 'h2', port: 26380 },
      ],
      masterName: 'mymaster',
      password: 'secret',
    });
    expect(parseConnectionUrl('redis-sentinel://app:p%23w@s1,s2#m')).toEqual(
      expect.objectContaining({ username: 'app', password: 'p#w' }),
    );
    expect(parseConnectionUrl('redis-sentinel://:pw@s1#m')).toMatchObject({ password: 'pw' });
    for (const url of ['redis-sentinel://secret@s1#m', 'redis-sentinel://app:pw@s1#m']) {
      const parsed = parseConnectionUrl(url);
      expect(parsed).not.toHaveProperty('sentinelPassword');
      expect(parsed).not.toHaveProperty('sentinelUsername');
    }
  });

  it('takes the sentinels’ own credentials only from ?sentinelPassword= and ?sentinelUsername=', () => {
    expect(
      parseConnectionUrl('redis-sentinel://node-pw@s1,s2?sentinelUsername=watcher&sentinelPassword=s%26p#m'),
    ).toMatchObject({ password: 'node-pw', sentinelUsername: 'watcher', sentinelPassword: 's&p' });
    // A sentinel password alone (the data nodes have none).
    const only = parseConnectionUrl('redis-sentinel://s1?sentinelPassword=sent#m');
    expect(only).toMatchObject({ sentinelPassword: 'sent', masterName: 'm' });
    expect(only).not.toHaveProperty('password');
  });

  it('keeps "+" and an unescaped "@" in a sentinel password, and an "@" in the data password', () => {
    expect(parseConnectionUrl('redis-sentinel://n@de@s1:26379?sentinelPassword=a+b@c#m')).toMatchObject({
      sentinels: [{ host: 's1', port: 26379 }],
      password: 'n@de',
      sentinelPassword: 'a+b@c',
      masterName: 'm',
    });
  });

  it('supports rediss-sentinel://, a percent-encoded master name and ?sentinelMasterId=', () => {
    expect(parseConnectionUrl('rediss-sentinel://s1#my%20master')).toMatchObject({
      masterName: 'my master',
      tls: { enabled: true },
    });
    expect(parseConnectionUrl('redis-sentinel://s1:26379?sentinelMasterId=cache')).toMatchObject({
      masterName: 'cache',
    });
  });
});

describe('parseConnectionUrl: refuses bad input with a precise reason', () => {
  it.each([
    ['cache:6379', /not a connection URL/],
    ['http://cache:6379', /Unknown URL scheme "http:\/\/"/],
    ['unix:///tmp/redis.sock', /Unix sockets are not supported/],
    ['redis://', /host is missing/],
    ['redis://:pw@:6379', /host is missing/],
    ['redis://cache:abc', /Bad port "abc"/],
    ['redis://cache:0', /Bad port "0".*1 to 65535/],
    ['redis://cache:70000', /Bad port "70000"/],
    ['redis://cache:6379/abc', /Bad database "abc"/],
    ['redis://cache:6379/-1', /Bad database "-1"/],
    ['redis://cache:6379/1/2', /Bad database "1\/2"/],
    ['redis://cache/1?db=2', /two databases/],
    ['redis://cache?ssl=true', /Unsupported URL option "ssl"/],
    ['redis://::1:6379', /IPv6 address: put it in brackets/],
    ['redis://a:6379,b:6379', /Only redis-sentinel:\/\/ URLs can list several hosts/],
    ['redis://cache#mymaster', /only belongs in redis-sentinel/],
    ['redis://u:50%off@cache', /password in the URL has a broken %-escape/],
    ['redis-sentinel://s1:26379,s2:26379', /master name is missing.*#mymaster/],
    ['redis-sentinel://s1:26379#', /master name is missing/],
    ['redis-sentinel://s1:26379,,s2#m', /host is missing/],
    ['redis-sentinel://s1:99999#m', /Bad port "99999"/],
    ['redis://cache?sentinelPassword=x', /only belongs in redis-sentinel/],
    ['redis-sentinel://s1?sentinelPassword=50%off#m', /sentinel password in the URL has a broken %-escape/],
    ['redis-sentinel://s1?sentinelPassword=a&sentinelPassword=b#m', /"sentinelPassword" twice/],
    ['redis://ca che:6379', /not a valid host name/],
  ])('%s', (url, message) => {
    const error = failure(url);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(message);
  });
});
