import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/api/events';
import type { Result } from '../../../shared/api/result';
import { createCore, type Core } from '../createCore';
import {
  startSentinelTopology,
  startStandalone,
  waitFor,
  type SentinelTopology,
  type StandaloneServer,
} from '../localRedis/testSupport';

// The topology methods through core's one dispatch, as the UI calls them, with saved profiles
// (encrypted secrets) and the pushes on core's event bus.
let dataDir: string;
let core: Core;
let topo: SentinelTopology;
let standalone: StandaloneServer;
const pushed: EventName[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'redlens-topology-'));
  core = createCore({ version: '0.0.0-test', host: 'web', dataDir });
  core.events.onAny((name) => pushed.push(name));
  [topo, standalone] = await Promise.all([
    startSentinelTopology({ dataPassword: 'd', sentinelPassword: 's' }),
    startStandalone(),
  ]);
});
afterAll(async () => {
  await core?.dispose();
  await Promise.all([topo?.stop(), standalone?.stop()]);
  rmSync(dataDir, { recursive: true, force: true });
});

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const errorOf = <T>(r: Result<T>) => (r.ok ? undefined : r.error);

async function saveSentinelProfile(name: string, readOnly: boolean): Promise<string> {
  const profile = {
    kind: 'sentinel' as const,
    name,
    sentinels: topo.sentinelAddresses,
    masterName: 'mymaster',
    password: 'd',
    sentinelPassword: 's',
    readOnly,
  };
  return unwrap(await core.invoke('profiles.create', { profile })).id;
}

describe('topology API', () => {
  it('watches from a session, returns the snapshot, timeline and export, and unwatches', async () => {
    const profileId = await saveSentinelProfile('Prod', false);
    const session = unwrap(await core.invoke('sessions.open', { profileId }));
    const snapshot = unwrap(await core.invoke('topology.watch', { sessionId: session.id }));
    expect(snapshot).toMatchObject({ profileId, sessionId: session.id, masterName: 'mymaster', readOnly: false });
    expect(snapshot.master?.address).toBe(`127.0.0.1:${topo.master.port}`);
    // Watching again joins the same watch.
    expect(unwrap(await core.invoke('topology.watch', { profileId })).watchId).toBe(snapshot.watchId);

    await waitFor(async () => pushed.includes('topology.snapshot'), { timeoutMs: 10_000, what: 'a snapshot push' });
    expect(unwrap(await core.invoke('topology.snapshot', { watchId: snapshot.watchId })).revision).toBeGreaterThan(0);
    expect(unwrap(await core.invoke('topology.timeline', { watchId: snapshot.watchId }))).toMatchObject({
      failovers: [],
      masterName: 'mymaster',
    });
    const exported = unwrap(await core.invoke('topology.exportTimeline', { watchId: snapshot.watchId }));
    expect(exported.fileName).toMatch(/^redlens-timeline-mymaster-.*\.json$/);
    expect(JSON.parse(exported.json)).toMatchObject({ profile: 'Prod', failovers: [], events: [] });

    unwrap(await core.invoke('topology.unwatch', { watchId: snapshot.watchId }));
    unwrap(await core.invoke('topology.unwatch', { watchId: snapshot.watchId }));
    expect(errorOf(await core.invoke('topology.snapshot', { watchId: snapshot.watchId }))?.code).toBe('NOT_FOUND');
  });

  it('refuses a manual failover on a read-only profile', async () => {
    const profileId = await saveSentinelProfile('Prod (read-only)', true);
    const { watchId, readOnly } = unwrap(await core.invoke('topology.watch', { profileId }));
    expect(readOnly).toBe(true);
    expect(errorOf(await core.invoke('topology.failover', { watchId }))?.code).toBe('READ_ONLY');
    unwrap(await core.invoke('topology.unwatch', { watchId }));
  });

  it('rejects bad input with a clear error', async () => {
    expect(errorOf(await core.invoke('topology.watch', {}))).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/either sessionId or profileId/),
    });
    const profile = { kind: 'standalone' as const, name: 'Cache', host: '127.0.0.1', port: standalone.port };
    const id = unwrap(await core.invoke('profiles.create', { profile })).id;
    expect(errorOf(await core.invoke('topology.watch', { profileId: id }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '"Cache" connects to a single server, not through Sentinel: there is no topology to watch.',
    });
    expect(errorOf(await core.invoke('topology.timeline', { watchId: 'nope' }))?.code).toBe('NOT_FOUND');
  });
});
