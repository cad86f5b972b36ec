import type Redis from 'ioredis';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeFrame } from '../../../shared/api/binaryFrames';
import type { Result } from '../../../shared/api/result';
import {
  MAX_CHUNK_BYTES,
  PARTIAL_LOAD_BYTES,
  type FieldChunk,
  type LoadedField,
  type LoadedString,
  type MgetItem,
} from '../../../shared/api/values';
import { decodeValue, versionOf } from './valueCodec';
import { sentByRedis, useValueServer } from './testSupport/valueTestServer';

// Replies stay bounded however hostile the data: what crosses to the UI (JSON over the web host's
// WebSocket, where a NUL byte becomes `\u0000`, 6 characters) and what Redis sends to core.
let admin: Redis;
let sessionId: string;
const bed = useValueServer({}, (server) => ({ admin, sessionId } = server));

const MB = 1024 * 1024;
/** Big enough that its NUL bytes escaped (6 characters each) pass V8's string limit (~512 M). */
const HUGE = 95 * MB;

/** What the web host sends for a reply: JSON text, or a binary frame when it carries bytes. */
const wire = (result: Result<unknown>) => encodeFrame({ type: 'result', id: 1, result });

describe('a 95 MB hash field of NUL bytes', () => {
  beforeAll(async () => {
    await admin.hset('nul', 'f', Buffer.alloc(HUGE), 'small', 'x');
  });

  it('opens as a partial first window; the whole field never crosses the wire', async () => {
    const before = await sentByRedis(admin);
    const result = await bed.dispatch('values.hash.getField', { sessionId, key: 'nul', field: 'f' });
    const sent = (await sentByRedis(admin)) - before;
    expect(result.ok).toBe(true);
    const field = (result as { value: LoadedField }).value;
    expect(field).toMatchObject({ size: HUGE, partial: true, version: null });
    expect(field.loadedBytes).toBeLessThanOrEqual(PARTIAL_LOAD_BYTES);
    expect(decodeValue(field.value).equals(Buffer.alloc(field.loadedBytes))).toBe(true);
    // The window travels as base64 (4/3), not as `\u0000` text (6x).
    expect(wire(result).length).toBeLessThan(1.5 * PARTIAL_LOAD_BYTES);
    expect(sent).toBeLessThan(2 * PARTIAL_LOAD_BYTES);
  });

  it('loaded whole in one message (whole: true), the reply can still be sent', async () => {
    const result = await bed.dispatch('values.hash.getField', { sessionId, key: 'nul', field: 'f', whole: true });
    expect(result.ok).toBe(true);
    expect((result as { value: LoadedField }).value).toMatchObject({ size: HUGE, partial: false });
    expect(wire(result).length).toBeLessThan((HUGE * 4) / 3 + 1024);
  });

  it('loads whole in chunks of at most 4 MB, all cut from one read of the field', async () => {
    const before = await sentByRedis(admin);
    const parts: Buffer[] = [];
    const versions = new Set<string>();
    for (let offset = 0; offset < HUGE;) {
      const result = await bed.dispatch('values.hash.fieldChunk', {
        sessionId,
        key: 'nul',
        field: 'f',
        offset,
        length: MAX_CHUNK_BYTES,
      });
      // Raw bytes: the chunk and a few bytes of JSON around it.
      expect(wire(result).length).toBeLessThan(MAX_CHUNK_BYTES + 1024);
      const chunk = (result as { value: FieldChunk }).value;
      expect(chunk.size).toBe(HUGE);
      versions.add(chunk.version);
      parts.push(Buffer.from(chunk.value));
      offset += chunk.bytes;
    }
    expect(Buffer.concat(parts).equals(Buffer.alloc(HUGE))).toBe(true);
    expect([...versions]).toEqual([versionOf(Buffer.alloc(HUGE))]);
    // Redis sent the field once, not once per chunk.
    expect((await sentByRedis(admin)) - before).toBeLessThan(HUGE + MB);
  });

  it('a string of NUL bytes loaded whole can be sent too', async () => {
    await admin.set('nul:string', Buffer.alloc(HUGE));
    const result = await bed.dispatch('values.string.get', { sessionId, key: 'nul:string', whole: true });
    expect((result as { value: LoadedString }).value).toMatchObject({ size: HUGE, partial: false });
    expect(wire(result).length).toBeLessThan((HUGE * 4) / 3 + 1024);
    await admin.del('nul:string');
  });
});

describe('values.mget (compare)', () => {
  it('100 keys of 1 MB of control bytes: previews share one budget, whatever previewBytes says', async () => {
    const keys = Array.from({ length: 100 }, (_, i) => `cmp:${i}`);
    const pipeline = admin.pipeline();
    for (const key of keys) pipeline.set(key, Buffer.alloc(MB + 10, 1));
    await pipeline.exec();
    const result = await bed.dispatch('values.mget', { sessionId, keys, previewBytes: MB });
    expect(result.ok).toBe(true);
    const items = (result as { value: MgetItem[] }).value;
    expect(items).toHaveLength(100);
    for (const item of items) expect(item.value).toMatchObject({ size: MB + 10, truncated: true });
    expect(wire(result).length).toBeLessThan(12 * MB);
    await admin.del(...keys);
  });
});

describe('values.memory', () => {
  it('SAMPLES is bounded to 1..1000 (0 would walk the whole value on the server)', async () => {
    await admin.rpush('mem', 'a', 'b');
    for (const samples of [0, 1001, -1]) {
      const result = await bed.dispatch('values.memory', { sessionId, key: 'mem', samples });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    for (const samples of [1, 1000, undefined]) {
      const result = await bed.dispatch('values.memory', { sessionId, key: 'mem', samples });
      expect(result.ok).toBe(true);
    }
  });
});
