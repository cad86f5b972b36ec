import type Redis from 'ioredis';
import { describe, expect, it } from 'vitest';
import { expectFailure } from '../sessions/testSupport/sessionTestbed';
import { versionOf } from './valueCodec';
import { keysOf, useValueServer } from './testSupport/valueTestServer';

// A save answers what the key is right after it (TTL, size, encoding), read in the same atomic
// step, so the editor's header needs no second read; checked against what Redis itself says, on
// both write paths (a Lua script, and WATCH/MULTI where scripting is refused).
let admin: Redis;
let sessionId: string;
let noLua: string;
const { call } = useValueServer({ noLua: true }, (server) => ({ admin, sessionId, noLua } = server));

const paths: [string, () => string][] = [
  ['script', () => sessionId],
  ['WATCH (no scripting)', () => noLua],
];

async function whatRedisSays(key: string, type: 'string' | 'hash') {
  const size = type === 'hash' ? admin.hlen(key) : admin.strlen(key);
  const [ttl, keySize, encoding] = await Promise.all([admin.pttl(key), size, admin.object('ENCODING', key)]);
  return { ttl, keySize, encoding };
}

describe.each(paths)('a save answers the key after it (%s)', (_, session) => {
  const name = keysOf(session);
  it('string: created, then saved over its version, with the size and encoding Redis reports', async () => {
    const key = name('s');
    const created = await call('values.string.set', { sessionId: session(), key, value: '12345', expect: 'absent' });
    expect(created).toMatchObject({ size: 5, keySize: 5, ttlMs: -1, encoding: 'int' });
    const long = 'x'.repeat(100);
    const saved = await call('values.string.set', {
      sessionId: session(),
      key,
      value: long,
      expect: { version: created.version },
      ttl: { seconds: 100 },
    });
    const now = await whatRedisSays(key, 'string');
    expect(saved).toMatchObject({ version: versionOf(Buffer.from(long)), size: 100, keySize: now.keySize });
    expect(saved.encoding).toBe(now.encoding);
    expect(saved.encoding).toBe('raw');
    expect(saved.ttlMs).toBeGreaterThan(90_000);
  });

  it('hash: a new field grows the size; a long value turns the listpack into a hashtable', async () => {
    const key = name('h');
    await admin.hset(key, 'a', '1');
    const added = await call('values.hash.setField', {
      sessionId: session(),
      key,
      field: 'b',
      value: '2',
      expect: 'absent',
    });
    expect(added).toMatchObject({ size: 1, keySize: 2, encoding: 'listpack' });
    const saved = await call('values.hash.setField', {
      sessionId: session(),
      key,
      field: 'b',
      value: 'y'.repeat(200),
      expect: { version: added.version },
    });
    const now = await whatRedisSays(key, 'hash');
    expect(saved).toMatchObject({ size: 200, keySize: 2, encoding: now.encoding });
    expect(now.encoding).toBe('hashtable');
  });
});

it('SET NX on an existing hash is KEY_EXISTS (not the WRONGTYPE of the size read after it)', async () => {
  await admin.hset('taken', 'f', 'v');
  await expectFailure(
    call('values.string.set', { sessionId, key: 'taken', value: 'v', expect: 'absent' }),
    'KEY_EXISTS',
  );
  expect(await admin.type('taken')).toBe('hash');
});
