import type { Handlers } from '../api/dispatch';
import { listRange, scanSet, scanZset, zsetRange } from './collectionPages';
import { streamRange } from './streamPages';
import { decodeKey } from '../keys/keyBytes';
import { commitFieldUpload, readFieldChunk } from './fieldChunks';
import { loadField } from './fieldReads';
import { createFieldSnapshots } from './fieldSnapshots';
import { scanHash } from './hashReads';
import { createHash, deleteFields, renameField, setField } from './hashWrites';
import { mget, mset } from './multiStrings';
import { readChunk, readDigest } from './stringChunks';
import { abortUpload, commitUpload, uploadChunk } from './stringUpload';
import { getString, setString } from './stringValues';
import type { ValueContext, ValueContexts } from './valueContext';
import { readHeader, readMemory } from './valueHeader';

type ValueMethod = Extract<keyof Handlers, `values.${string}`>;

/**
 * The `values.*` API methods: reading and editing one key's value, in the db the call names. No
 * reply is built without a size bound, counted as it crosses the boundary (JSON, where escaping
 * can make text 6 times longer): values whole up to MAX_VALUE_BYTES, sent as base64 when
 * escaping would inflate them (valueCodec); partial loads and chunks of a few MB; previews cut to
 * `previewBytes` inside a byte budget per page (collectionPages) or per comparison (values.mget).
 */
export function valueHandlers(contexts: ValueContexts): Pick<Handlers, ValueMethod> {
  const snapshots = createFieldSnapshots();
  /** Runs `run` with a context pinned to the call's db. */
  const inDb =
    <I extends { sessionId: string; db: number }, O>(run: (ctx: ValueContext, input: I) => Promise<O>) =>
    async (input: I): Promise<O> =>
      run(await contexts(input.sessionId, input.db), input);
  return {
    'values.header': inDb((ctx, { sessionId, key }) => readHeader(ctx, sessionId, key)),
    'values.memory': inDb((ctx, { sessionId, key, samples }) => readMemory(ctx, sessionId, key, samples)),
    'values.string.get': inDb((ctx, { sessionId, key, whole }) => getString(ctx, sessionId, key, whole)),
    'values.string.set': inDb((ctx, { sessionId, db: _db, ...input }) => setString(ctx, sessionId, input)),
    'values.string.chunk': inDb((ctx, { sessionId, key, offset, length }) =>
      readChunk(ctx, sessionId, key, offset, length),
    ),
    'values.string.digest': inDb((ctx, { sessionId, key }) => readDigest(ctx, sessionId, key)),
    'values.string.upload': inDb((ctx, { sessionId, db: _db, ...input }) => uploadChunk(ctx, sessionId, input)),
    'values.string.commitUpload': inDb((ctx, { sessionId, db: _db, ...input }) => commitUpload(ctx, sessionId, input)),
    'values.string.abortUpload': inDb((ctx, { sessionId, db: _db, ...input }) => abortUpload(ctx, sessionId, input)),
    'values.mset': inDb((ctx, { sessionId, pairs, onlyIfNoneExist }) => mset(ctx, sessionId, pairs, onlyIfNoneExist)),
    'values.mget': inDb((ctx, { sessionId, keys, previewBytes }) => mget(ctx, sessionId, keys, previewBytes)),
    'values.hash.scan': inDb((ctx, { sessionId, db: _db, ...request }) => scanHash(ctx, sessionId, request)),
    'values.hash.getField': inDb((ctx, { sessionId, key, field, whole }) =>
      loadField(ctx, sessionId, decodeKey(key), decodeKey(field), whole),
    ),
    'values.hash.fieldChunk': inDb((ctx, { sessionId, db: _db, ...input }) =>
      readFieldChunk(ctx, snapshots, sessionId, input),
    ),
    'values.hash.commitFieldUpload': inDb((ctx, { sessionId, db: _db, ...input }) =>
      commitFieldUpload(ctx, sessionId, input),
    ),
    'values.hash.setField': inDb((ctx, { sessionId, db: _db, ...input }) => setField(ctx, sessionId, input)),
    'values.hash.renameField': inDb((ctx, { sessionId, db: _db, ...input }) => renameField(ctx, sessionId, input)),
    'values.hash.deleteFields': inDb((ctx, { sessionId, db: _db, ...input }) => deleteFields(ctx, sessionId, input)),
    'values.hash.create': inDb((ctx, { sessionId, db: _db, ...input }) => createHash(ctx, sessionId, input)),
    'values.list.range': inDb((ctx, { sessionId, db: _db, ...request }) => listRange(ctx, sessionId, request)),
    'values.set.scan': inDb((ctx, { sessionId, db: _db, ...request }) => scanSet(ctx, sessionId, request)),
    'values.zset.range': inDb((ctx, { sessionId, db: _db, ...request }) => zsetRange(ctx, sessionId, request)),
    'values.zset.scan': inDb((ctx, { sessionId, db: _db, ...request }) => scanZset(ctx, sessionId, request)),
    'values.stream.range': inDb((ctx, { sessionId, db: _db, ...request }) => streamRange(ctx, sessionId, request)),
  };
}
