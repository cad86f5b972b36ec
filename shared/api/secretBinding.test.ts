import { describe, expect, it } from 'vitest';
import { destinationKey, secretRebindReason, type SecretDestination } from './secretBinding';

const plain = (host: string, port: number, tls?: { enabled?: boolean; verify?: boolean }): SecretDestination => ({
  kind: 'standalone',
  host,
  port,
  tls,
});
const ha = (sentinels: [string, number][], masterName = 'mymaster'): SecretDestination => ({
  kind: 'sentinel',
  sentinels: sentinels.map(([host, port]) => ({ host, port })),
  masterName,
});

describe('secretRebindReason', () => {
  it('keeps secrets for the same host:port (host names compared without case) and stronger TLS', () => {
    expect(secretRebindReason(plain('Redis.Internal', 6379), plain('redis.internal', 6379))).toBeUndefined();
    expect(secretRebindReason(plain('h', 1, { enabled: true }), plain('h', 1))).toBeUndefined();
    expect(
      secretRebindReason(
        plain('h', 1, { enabled: true, verify: true }),
        plain('h', 1, { enabled: true, verify: false }),
      ),
    ).toBeUndefined();
  });

  it('asks again for another host, port or kind', () => {
    expect(secretRebindReason(plain('h', 2), plain('h', 1))).toBe('address');
    expect(secretRebindReason(plain('evil', 1), plain('h', 1))).toBe('address');
    expect(secretRebindReason(ha([['h', 1]]), plain('h', 1))).toBe('sentinels');
    expect(secretRebindReason(plain('h', 1), ha([['h', 1]]))).toBe('address');
  });

  it('treats the sentinels as a set, and the master name as part of the address', () => {
    const saved = ha([
      ['a', 1],
      ['b', 2],
    ]);
    expect(
      secretRebindReason(
        ha([
          ['B', 2],
          ['a', 1],
          ['a', 1],
        ]),
        saved,
      ),
    ).toBeUndefined();
    expect(secretRebindReason(ha([['a', 1]]), saved)).toBe('sentinels');
    expect(
      secretRebindReason(
        ha([
          ['a', 1],
          ['b', 2],
          ['c', 3],
        ]),
        saved,
      ),
    ).toBe('sentinels');
    expect(
      secretRebindReason(
        ha(
          [
            ['a', 1],
            ['b', 2],
          ],
          'other',
        ),
        saved,
      ),
    ).toBe('sentinels');
  });

  it('asks again when TLS is turned off or stops verifying', () => {
    const verified = plain('h', 1, { enabled: true, verify: true });
    expect(secretRebindReason(plain('h', 1), verified)).toBe('tls');
    expect(secretRebindReason(plain('h', 1, { enabled: true, verify: false }), verified)).toBe('tls');
    expect(secretRebindReason(plain('h', 1, { enabled: false }), plain('h', 1, { enabled: true, verify: false }))).toBe(
      'tls',
    );
  });

  it('destinationKey names the destination', () => {
    expect(destinationKey(plain('H', 7))).toBe('h:7');
    expect(
      destinationKey(
        ha([
          ['b', 2],
          ['a', 1],
        ]),
      ),
    ).toBe('sentinel a:1,b:2#mymaster');
  });
});
