import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSentinelTopology, type SentinelTopology } from '../localRedis/testSupport';
import { parseConnectionUrl } from '../profiles/connectionUrl';
import { testConnection } from './connectionTest';
import { expectFailure, sentinelProfile } from './testSupport/sessionTestbed';

// A pasted redis-sentinel:// URL against real deployments: the usual one, with a password on the
// data nodes only, and one where the sentinels have their own password too.
let dataOnly: SentinelTopology;
let both: SentinelTopology;

beforeAll(async () => {
  [dataOnly, both] = await Promise.all([
    startSentinelTopology({ replicas: 0, sentinels: 1, quorum: 1, dataPassword: 'node-pw' }),
    startSentinelTopology({
      replicas: 0,
      sentinels: 2,
      quorum: 1,
      dataPassword: 'node-pw',
      sentinelPassword: 'sentinel-pw',
    }),
  ]);
});
afterAll(async () => {
  await Promise.all([dataOnly?.stop(), both?.stop()]);
});

const sentinelsOf = (t: SentinelTopology) => t.sentinels.map((s) => s.address).join(',');

/** What "Paste a URL", then "Test connection" does with it. */
function profileFromUrl(url: string) {
  const { kind: _kind, ...draft } = parseConnectionUrl(url);
  return sentinelProfile({ ...draft, sentinels: draft.sentinels ?? [], masterName: draft.masterName ?? '' });
}

describe('a pasted redis-sentinel:// URL', () => {
  it('connects where only the data nodes have a password: the URL’s password is theirs', async () => {
    const report = await testConnection(profileFromUrl(`redis-sentinel://node-pw@${sentinelsOf(dataOnly)}#mymaster`));
    expect(report.address).toBe(dataOnly.master.address);
    expect(report.sentinel?.master).toEqual({ host: '127.0.0.1', port: dataOnly.master.port });
  });

  it('takes the sentinels’ own password from ?sentinelPassword=', async () => {
    const url = `redis-sentinel://node-pw@${sentinelsOf(both)}?sentinelPassword=sentinel-pw#mymaster`;
    expect((await testConnection(profileFromUrl(url))).address).toBe(both.master.address);
  });

  it('says which password was refused: the sentinels’ or the data nodes’', async () => {
    const wrongSentinel = `redis-sentinel://node-pw@${sentinelsOf(both)}?sentinelPassword=nope#mymaster`;
    const refused = await expectFailure(testConnection(profileFromUrl(wrongSentinel)), 'AUTH_FAILED');
    expect(refused.details).toMatchObject({ node: 'sentinel' });
    const noSentinel = await expectFailure(
      testConnection(profileFromUrl(`redis-sentinel://node-pw@${sentinelsOf(both)}#mymaster`)),
      'AUTH_REQUIRED',
    );
    expect(noSentinel.details).toMatchObject({ node: 'sentinel' });
    const wrongData = `redis-sentinel://nope@${sentinelsOf(dataOnly)}#mymaster`;
    const data = await expectFailure(testConnection(profileFromUrl(wrongData)), 'AUTH_FAILED');
    expect(data.details).toMatchObject({ node: 'data', address: dataOnly.master.address });
  });
});
