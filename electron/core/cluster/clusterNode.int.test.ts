import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/api/errors';
import {
  countKeys,
  startCluster,
  startStandalone,
  waitFor,
  type RedisClusterHarness,
  type StandaloneServer,
} from '../localRedis/testSupport';
import { createDispatch, type Handlers } from '../api/dispatch';
import { keyHandlers } from '../keys/keyHandlers';
import { testConnection } from '../sessions/connectionTest';
import { standaloneProfile } from '../sessions/testSupport/sessionTestbed';
import { createValueContexts } from '../values/valueContext';
import { valueHandlers } from '../values/valueHandlers';
import { valueTestbed } from '../values/testSupport/valueTestbed';

// A node of a real 3-master Redis Cluster opened as a standalone server (until Cluster support):
// the session knows it is a cluster node, and a key that lives on another node is refused with
// the slot and the node that holds it — never followed behind the user's back, never written.
let cluster: RedisClusterHarness;
let plain: StandaloneServer;
const bed = valueTestbed();
/** The keys.* and values.* methods behind the real dispatch, as a transport calls them. */
const dispatch = createDispatch({
  ...keyHandlers(bed.service),
  ...valueHandlers(createValueContexts(bed.sessions, bed.service)),
} as Handlers);
let sessionId: string;
/** A key that lives on another node than the one the session opened, with its slot and node. */
let elsewhere: { key: string; slot: number; node: string };

beforeAll(async () => {
  [cluster, plain] = await Promise.all([startCluster(), startStandalone()]);
  const client = await cluster.client();
  for (let i = 0; i < 20; i++) await client.set(`user:${i}`, String(i));
  await client.hset('profile:1', 'name', 'ada');
  client.disconnect();
  const opened = cluster.nodes[0]!;
  bed.profiles.set('node', standaloneProfile({ host: opened.host, port: opened.port }));
  bed.profiles.set('plain', standaloneProfile({ host: plain.host, port: plain.port }));
  sessionId = (await bed.sessions.open('node')).id;
  for (let i = 0; ; i++) {
    const owner = await cluster.nodeFor(`user:${i}`);
    if (owner === opened) continue;
    elsewhere = { key: `user:${i}`, slot: await cluster.slotOf(`user:${i}`), node: owner.address };
    break;
  }
});
afterAll(async () => {
  await bed.dispose();
  await Promise.all([cluster?.stop(), plain?.stop()]);
});

/** The error a transport gets for `method` (a Result, as the UI sees it). */
async function refusal(method: string, input: Record<string, unknown>): Promise<ApiError> {
  const result = await dispatch(method, { sessionId, db: 0, ...input });
  if (result.ok) throw new Error(`${method} succeeded: ${JSON.stringify(result.value)}`);
  return result.error;
}

const movedTo = () => ({
  code: 'CLUSTER_REDIRECT',
  details: { redirect: 'moved', slot: elsewhere.slot, node: elsewhere.node },
});

describe('a cluster node opened as a standalone server', () => {
  it('says it is a node of a cluster: in the session view and in Test connection', async () => {
    expect(bed.sessions.view(sessionId).clusterNode).toBe(true);
    const plainSession = await bed.sessions.open('plain');
    expect(plainSession.clusterNode).toBeUndefined();
    const report = await testConnection(bed.profiles.get('node')!);
    expect(report.mode).toBe('cluster');
  });

  it('turns MOVED on a lookup and a value read into the slot and the node that holds the key', async () => {
    expect(await refusal('keys.lookup', { db: 0, key: elsewhere.key })).toMatchObject(movedTo());
    expect(await refusal('values.string.get', { key: elsewhere.key })).toMatchObject(movedTo());
    expect(await refusal('values.header', { key: elsewhere.key })).toMatchObject(movedTo());
  });

  it('refuses writes to a key on another node with the same code, and writes nothing anywhere', async () => {
    const writes: [string, Record<string, unknown>][] = [
      ['values.string.set', { key: elsewhere.key, value: 'changed', expect: 'any' }],
      ['values.hash.setField', { key: elsewhere.key, field: 'f', value: 'v', expect: 'any' }],
      ['values.mset', { db: 0, pairs: [{ key: elsewhere.key, value: 'changed' }] }],
      ['keys.expire', { db: 0, keys: [elsewhere.key], ttlMs: 60_000 }],
      ['keys.delete', { db: 0, keys: [elsewhere.key] }],
    ];
    for (const [method, input] of writes) {
      expect(await refusal(method, input), method).toMatchObject(movedTo());
    }
    const client = await cluster.client();
    try {
      expect(await client.get(elsewhere.key)).toBe(elsewhere.key.slice('user:'.length));
      expect(await client.pttl(elsewhere.key)).toBe(-1);
    } finally {
      client.disconnect();
    }
  });

  it('deletes several of its own keys in different slots (one command per slot), and a folder of them', async () => {
    const opened = cluster.nodes[0]!;
    const client = await cluster.client();
    const mine: string[] = [];
    for (let i = 0; mine.length < 30; i++) {
      if ((await cluster.nodeFor(`bulk:${i}`)) !== opened) continue;
      await client.set(`bulk:${i}`, 'v');
      mine.push(`bulk:${i}`);
    }
    client.disconnect();
    const result = await dispatch('keys.delete', { sessionId, db: 0, keys: mine.slice(0, 10) });
    expect(result).toEqual({ ok: true, value: { deleted: 10 } });

    const job = bed.service.deleteFolder(sessionId, 0, 'bulk:');
    await waitFor(async () => bed.jobEventsOf(job.jobId).some((e) => e.state !== 'running'), {
      timeoutMs: 10_000,
      what: 'the folder delete to end',
    });
    expect(bed.jobEventsOf(job.jobId).at(-1)).toMatchObject({ state: 'done', deleted: 20 });
    const node = await opened.client();
    expect(await countKeys(node, 'bulk:*')).toBe(0);
    node.disconnect();
  });

  it('explains CROSSSLOT: a command over keys of several slots (compare, several strings, rename)', async () => {
    const opened = cluster.nodes[0]!;
    const mine: string[] = [];
    for (let i = 0; mine.length < 2; i++) {
      if ((await cluster.nodeFor(`cmp:${i}`)) === opened) mine.push(`cmp:${i}`);
    }
    const client = await cluster.client();
    for (const key of mine) await client.set(key, 'v');
    client.disconnect();
    const crossSlot = { code: 'CLUSTER_CROSSSLOT' };
    expect(await refusal('values.mget', { keys: mine, previewBytes: 100 })).toMatchObject(crossSlot);
    const pairs = mine.map((key) => ({ key: `${key}:new`, value: 'x' }));
    expect(await refusal('values.mset', { pairs })).toMatchObject(crossSlot);
    let newKey = 'renamed:0';
    for (let i = 1; (await cluster.slotOf(newKey)) === (await cluster.slotOf(mine[0]!)); i++) newKey = `renamed:${i}`;
    expect(await refusal('keys.rename', { key: mine[0], newKey })).toMatchObject(crossSlot);
  });

  it('turns ASK (a slot being migrated) into the slot and the node it is moving to', async () => {
    // A key that does not exist, in a slot of the opened node that is being moved to another.
    const key = 'ask:absent';
    const slot = await cluster.slotOf(key);
    const from = await cluster.nodeFor(key);
    const to = cluster.nodes.find((n) => n !== from)!;
    const askSession = await bed.sessions.open(await profileFor(from));
    const ids = await Promise.all(
      [from, to].map(async (n) => {
        const c = await n.client();
        const id = String(await c.call('CLUSTER', 'MYID'));
        c.disconnect();
        return id;
      }),
    );
    const toClient = await to.client();
    const fromClient = await from.client();
    try {
      await toClient.call('CLUSTER', 'SETSLOT', slot, 'IMPORTING', ids[0]!);
      await fromClient.call('CLUSTER', 'SETSLOT', slot, 'MIGRATING', ids[1]!);
      const result = await dispatch('keys.lookup', { sessionId: askSession.id, db: 0, key });
      expect(result).toMatchObject({ ok: false });
      expect(!result.ok && result.error).toMatchObject({
        code: 'CLUSTER_REDIRECT',
        details: { redirect: 'ask', slot, node: to.address },
      });
    } finally {
      await fromClient.call('CLUSTER', 'SETSLOT', slot, 'NODE', ids[0]!);
      await toClient.call('CLUSTER', 'SETSLOT', slot, 'NODE', ids[0]!);
      toClient.disconnect();
      fromClient.disconnect();
    }
  });
});

async function profileFor(node: { host: string; port: number }): Promise<string> {
  const id = `node-${node.port}`;
  bed.profiles.set(id, standaloneProfile({ host: node.host, port: node.port }));
  return id;
}
