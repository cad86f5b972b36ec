import type Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFailure } from '../sessions/testSupport/sessionTestbed';
import {
  COMMIT_UPLOAD,
  HRENAME_FIELD,
  HSET_GUARDED,
  SCRIPT_VALUE_MAX_BYTES,
  SET_IF_VERSION,
  STRING_DIGEST,
} from './luaScripts';
import { versionOf } from './valueCodec';
import { b64, keysOf, newUploadId, useValueServer } from './testSupport/valueTestServer';

// Compare-and-set on big values (20 MB) must not make Redis hash them in a script (a stall of
// seconds), and must still see a change made in their middle since they were loaded.
let admin: Redis;
let sessionId: string;
let noLua: string;
const { call } = useValueServer({ noLua: true }, (server) => ({ admin, sessionId, noLua } = server));

const BIG = 20 * 1024 * 1024;
/** `bytes` with one byte in the middle changed. */
const changedInTheMiddle = (bytes: Buffer) => {
  const copy = Buffer.from(bytes);
  copy[copy.length >> 1] = ~bytes[copy.length >> 1]! & 0xff;
  return copy;
};

describe('the scripts leave big values alone: BIG, nothing hashed, nothing written', () => {
  const max = SCRIPT_VALUE_MAX_BYTES;
  let value: Buffer;
  beforeAll(async () => {
    value = randomBytes(BIG);
    await admin.set('s', value);
    await admin.hset('h', 'f', value);
    await admin.set('staged', 'new');
  });
  const unchanged = async () => {
    expect((await admin.getBuffer('s'))!.equals(value)).toBe(true);
    expect((await admin.hgetBuffer('h', 'f'))!.equals(value)).toBe(true);
    expect(await admin.hexists('h', 'g')).toBe(0);
    expect(await admin.get('staged')).toBe('new');
  };

  it.each([
    ['SET_IF_VERSION', SET_IF_VERSION, ['s'], () => [versionOf(value), 'new', 'keep', 0, max]],
    ['COMMIT_UPLOAD', COMMIT_UPLOAD, ['s', 'staged'], () => ['version', versionOf(value), 3, 'keep', 0, max]],
    ['HSET_GUARDED', HSET_GUARDED, ['h'], () => ['version', versionOf(value), 'f', 'new', max]],
    ['HRENAME_FIELD', HRENAME_FIELD, ['h'], () => ['f', 'g', max]],
  ])('%s', async (_, script, keys, args) => {
    expect(await admin.eval(script, keys.length, ...keys, ...args())).toEqual(['BIG']);
    await unchanged();
  });

  it('STRING_DIGEST answers the size and TTL only', async () => {
    expect(await admin.eval(STRING_DIGEST, 1, 's', max)).toEqual(['BIG', BIG, -1]);
  });
});

describe.each([
  ['scripting', () => sessionId],
  ['WATCH (no scripting)', () => noLua],
])('20 MB values, %s: saves still see a change in the middle', (_, session) => {
  const key = keysOf(session);

  it('string: values.string.set and a chunked save', async () => {
    const k = key('s');
    const original = randomBytes(BIG);
    await admin.set(k, original);
    const digest = await call('values.string.digest', { sessionId: session(), key: k });
    expect(digest).toMatchObject({ version: versionOf(original), size: BIG });
    const loaded = digest.version;

    await admin.setrange(k, BIG >> 1, 'x');
    const mine = randomBytes(BIG);
    await expectFailure(
      call('values.string.set', { sessionId: session(), key: k, value: b64(mine), expect: { version: loaded } }),
      'CONFLICT',
    );
    const id = newUploadId();
    for (let offset = 0; offset < BIG; offset += 4 * 1024 * 1024) {
      const value = b64(mine.subarray(offset, offset + 4 * 1024 * 1024));
      await call('values.string.upload', { sessionId: session(), key: k, uploadId: id, offset, value });
    }
    const commit = { sessionId: session(), key: k, uploadId: id, size: BIG, version: versionOf(mine) };
    await expectFailure(call('values.string.commitUpload', { ...commit, expect: { version: loaded } }), 'CONFLICT');
    expect((await admin.getrangeBuffer(k, 0, 15)).equals(original.subarray(0, 16))).toBe(true);

    // Against the version there now, both go through.
    const now = versionOf((await admin.getBuffer(k))!);
    await call('values.string.commitUpload', { ...commit, expect: { version: now } });
    expect((await admin.getBuffer(k))!.equals(mine)).toBe(true);
    const small = await call('values.string.set', {
      sessionId: session(),
      key: k,
      value: 'small',
      expect: { version: versionOf(mine) },
    });
    expect(small.version).toBe(versionOf(Buffer.from('small')));
    expect(await admin.get(k)).toBe('small');
    await admin.del(k);
  });

  it('hash field: values.hash.setField and renameField', async () => {
    const k = key('h');
    const original = randomBytes(BIG);
    await admin.hset(k, 'f', original);
    const loaded = await call('values.hash.getField', { sessionId: session(), key: k, field: 'f', whole: true });
    expect(loaded.version).toBe(versionOf(original));

    await admin.hset(k, 'f', changedInTheMiddle(original));
    await expectFailure(
      call('values.hash.setField', {
        sessionId: session(),
        key: k,
        field: 'f',
        value: 'mine',
        expect: { version: loaded.version! },
      }),
      'CONFLICT',
    );
    const now = versionOf(changedInTheMiddle(original));
    const mine = randomBytes(2 * 1024 * 1024);
    await call('values.hash.setField', {
      sessionId: session(),
      key: k,
      field: 'f',
      value: b64(mine),
      expect: { version: now },
    });
    expect((await admin.hgetBuffer(k, 'f'))!.equals(mine)).toBe(true);

    await call('values.hash.renameField', { sessionId: session(), key: k, field: 'f', newField: 'g' });
    expect(await admin.hexists(k, 'f')).toBe(0);
    expect((await admin.hgetBuffer(k, 'g'))!.equals(mine)).toBe(true);
    await admin.del(k);
  });
});
