import type Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyRow } from '../../../shared/api/keys';
import { startStandalone, type StandaloneServer } from '../localRedis/testSupport';
import { standaloneProfile } from '../sessions/testSupport/sessionTestbed';
import { decodeKey, encodeKey } from './keyBytes';
import { keyTestbed } from './testSupport/keyTestbed';
import { naturalCompare } from './index/naturalCompare';

// The tree against a real redis-server for names that break naive splitting: empty segments,
// a trailing or leading delimiter, keys that are also folder names, unicode, and every byte
// value 0x00–0xff; MATCH with glob characters, TYPE for every type, exact lookup of odd names.
let redis: StandaloneServer;
let admin: Redis;
const bed = keyTestbed();
const { service, sessions } = bed;

const latin1 = (b: Buffer) => b.toString('latin1');
const TEXT_KEYS = [
  'a',
  'a:',
  'a::b',
  'a:b',
  'a:b:c',
  ':lead',
  '::',
  'plain',
  'ünï:cødé:😀',
  '日本:東京',
  'user:1',
  'user:1:name',
  'user:2',
  'user:10',
  'star:*',
  'star:x',
  'star:?',
];
const BYTE_KEYS = Array.from({ length: 256 }, (_, b) => Buffer.concat([Buffer.from('byte:'), Buffer.from([b])]));
const BINARY_FOLDER_KEY = Buffer.from([0xff, 0x00, 0x3a, 0x80]);
const ALL: Buffer[] = [...TEXT_KEYS.map((k) => Buffer.from(k)), ...BYTE_KEYS, BINARY_FOLDER_KEY];

beforeAll(async () => {
  redis = await startStandalone();
  admin = await redis.node.client();
  const pipeline = admin.pipeline();
  for (const key of ALL) pipeline.set(key, 'v');
  pipeline.hset('t:hash', 'f', 'v').rpush('t:list', 'a').sadd('t:set', 'a').zadd('t:zset', 1, 'a');
  pipeline.xadd('t:stream', '*', 'f', 'v').set('t:string', 'v');
  await pipeline.exec();
  bed.profiles.set('rw', standaloneProfile({ host: '127.0.0.1', port: redis.port }));
});
afterAll(async () => {
  await bed.dispose();
  admin?.disconnect();
  await redis?.stop();
});

async function scanned(request: Parameters<typeof service.scan>[2] = {}): Promise<string> {
  const id = (await sessions.open('rw')).id;
  await service.scan(id, 0, request);
  await service.settled(id);
  return id;
}

function allRows(sessionId: string, view: 'tree' | 'flat'): KeyRow[] {
  const rows: KeyRow[] = [];
  for (let offset = 0; ; offset += 5_000) {
    const page = service.rows(sessionId, 0, offset, 5_000, view);
    rows.push(...page.rows);
    if (offset + 5_000 >= page.total) return rows;
  }
}

/** Expands every folder, level by level, until none is left collapsed. */
function expandAll(sessionId: string): void {
  for (;;) {
    const closed = allRows(sessionId, 'tree').filter((r) => r.kind === 'folder' && !r.expanded);
    if (closed.length === 0) return;
    for (const row of closed) if (row.kind === 'folder') service.expand(sessionId, 0, row.prefix, true);
  }
}

const line = (r: KeyRow) =>
  r.kind === 'folder'
    ? `${r.depth} ${latin1(decodeKey(r.name))}/ ${r.count} [${latin1(decodeKey(r.prefix))}]`
    : `${r.depth} ${latin1(decodeKey(r.name))} [${latin1(decodeKey(r.key))}]`;

/** The reference: the fully expanded tree built the slow, obvious way (folders first, then keys). */
function naiveTree(keys: string[], delim = ':'): string[] {
  const out: string[] = [];
  const walk = (prefix: string, depth: number, below: string[]) => {
    const folders = new Map<string, string[]>();
    const leaves: string[] = [];
    for (const rest of below) {
      const at = rest.indexOf(delim);
      if (at === -1) leaves.push(rest);
      else folders.set(rest.slice(0, at), [...(folders.get(rest.slice(0, at)) ?? []), rest.slice(at + 1)]);
    }
    for (const name of [...folders.keys()].sort(naturalCompare)) {
      const inner = folders.get(name)!;
      out.push(`${depth} ${name}/ ${inner.length} [${prefix}${name}${delim}]`);
      walk(`${prefix}${name}${delim}`, depth + 1, inner);
    }
    for (const leaf of leaves.sort(naturalCompare)) out.push(`${depth} ${leaf} [${prefix}${leaf}]`);
  };
  walk('', 0, keys);
  return out;
}

describe('key tree on tricky names (real Redis)', () => {
  it('builds exactly the tree a byte-wise split gives, every name byte for byte', async () => {
    const id = await scanned({ match: '[^t]*' });
    const expected = ALL.map(latin1);
    expect(service.status(id, 0)).toMatchObject({ state: 'complete', keys: expected.length });
    expandAll(id);
    expect(allRows(id, 'tree').map(line)).toEqual(naiveTree(expected));

    // Spot checks of what the reference encodes: both `a:b` the key and `a:b:` the folder, an
    // empty folder name for `a::b`, a key named '' for the trailing delimiter.
    const tree = allRows(id, 'tree').map(line);
    expect(tree).toEqual(
      expect.arrayContaining(['1 b/ 1 [a:b:]', '1 b [a:b]', '1 / 1 [a::]', '1  [a:]', '0 a [a]', '0 / 2 [:]']),
    );
    // Flat view: the same keys, each exactly once, decoded to the very bytes stored.
    const flat = allRows(id, 'flat').flatMap((r) => (r.kind === 'key' ? [decodeKey(r.key)] : []));
    expect(flat.length).toBe(expected.length);
    expect(new Set(flat.map(latin1))).toEqual(new Set(expected));
    const meta = await service.meta(id, 0, [encodeKey(BINARY_FOLDER_KEY), encodeKey(BYTE_KEYS[0]!)]);
    expect(meta.map((m) => m.type)).toEqual(['string', 'string']);
    await sessions.close(id);
  });

  it('renaming a key that is also a folder name leaves the folder alone', async () => {
    await admin.set('dual:x', '1');
    await admin.set('dual:x:inner', '2');
    const id = await scanned({ match: 'dual*' });
    expect(await service.rename(id, 0, 'dual:x', 'dual:y', true)).toEqual({ key: 'dual:y' });
    expandAll(id);
    expect(allRows(id, 'tree').map(line)).toEqual(naiveTree(['dual:y', 'dual:x:inner']));
    expect(await admin.mget('dual:x:inner', 'dual:y')).toEqual(['2', '1']);
    await sessions.close(id);
  });

  it('sends MATCH with escaped glob characters and unicode to the server', async () => {
    const id = await scanned({ match: 'star:\\*' });
    expect(allRows(id, 'flat').map((r) => r.kind === 'key' && r.key)).toEqual(['star:*']);
    await service.scan(id, 0, { match: 'ünï:*' });
    await service.settled(id);
    expect(allRows(id, 'flat').map((r) => r.kind === 'key' && r.key)).toEqual(['ünï:cødé:😀']);
    await service.scan(id, 0, { match: 'byte:\\x*' }); // `\x` escapes the x: only byte:x matches
    await service.settled(id);
    expect(allRows(id, 'flat').map((r) => r.kind === 'key' && r.key)).toEqual(['byte:x']);
    await sessions.close(id);
  });

  it('filters by every TYPE on the server, alone and with MATCH', async () => {
    const id = await scanned();
    for (const type of ['string', 'hash', 'list', 'set', 'zset', 'stream'] as const) {
      await service.scan(id, 0, { type, match: 't:*' });
      await service.settled(id);
      expect(allRows(id, 'flat').map((r) => r.kind === 'key' && r.key)).toEqual([`t:${type}`]);
    }
    await service.scan(id, 0, { type: 'hash' });
    await service.settled(id);
    expect(service.status(id, 0)).toMatchObject({ state: 'complete', keys: 1, type: 'hash' });
    await sessions.close(id);
  });

  it('finds binary and unicode names exactly, even in a capped index', async () => {
    const id = await scanned({ cap: 3 });
    expect(service.status(id, 0).state).toBe('capped');
    const binary = encodeKey(BINARY_FOLDER_KEY);
    expect(await service.lookup(id, 0, binary)).toEqual({ key: binary, type: 'string', ttlMs: -1, listed: true });
    expect(await service.lookup(id, 0, 'ünï:cødé:😀')).toMatchObject({ type: 'string' });
    const oneByteOff = encodeKey(Buffer.from([0xff, 0x00, 0x3a, 0x81]));
    expect(await service.lookup(id, 0, oneByteOff)).toEqual({
      key: oneByteOff,
      type: 'none',
      ttlMs: -2,
      listed: false,
    });
    const keys = allRows(id, 'flat').flatMap((r) => (r.kind === 'key' ? [latin1(decodeKey(r.key))] : []));
    expect(keys).toEqual(expect.arrayContaining([latin1(BINARY_FOLDER_KEY), latin1(Buffer.from('ünï:cødé:😀'))]));
    expect(keys).not.toContain(latin1(Buffer.from([0xff, 0x00, 0x3a, 0x81])));
    await sessions.close(id);
  });
});
