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
import type { ValueContext } from './valueContext';
import { readHeader, readMemory } from './valueHeader';

type ValueMethod = Extract<keyof Handlers, `values.${string}`>;

/**
 * The `values.*` API methods: reading and editing one key's value. No reply is built without a
 * size bound, counted as it crosses the boundary (JSON, where escaping can make text 6 times
 * longer): values whole up to MAX_VALUE_BYTES, sent as base64 when escaping would inflate them
 * (valueCodec); partial loads and chunks of a few MB; previews cut to `previewBytes` inside a
 * byte budget per page (collectionPages) or per comparison (values.mget).
 */
export function valueHandlers(ctx: ValueContext): Pick<Handlers, ValueMethod> {
  const snapshots = createFieldSnapshots();
  return {
    'values.header': ({ sessionId, key }) => readHeader(ctx, sessionId, key),
    'values.memory': ({ sessionId, key, samples }) => readMemory(ctx, sessionId, key, samples),
    'values.string.get': ({ sessionId, key, whole }) => getString(ctx, sessionId, key, whole),
    'values.string.set': ({ sessionId, ...input }) => setString(ctx, sessionId, input),
    'values.string.chunk': ({ sessionId, key, offset, length }) => readChunk(ctx, sessionId, key, offset, length),
    'values.string.digest': ({ sessionId, key }) => readDigest(ctx, sessionId, key),
    'values.string.upload': ({ sessionId, ...input }) => uploadChunk(ctx, sessionId, input),
    'values.string.commitUpload': ({ sessionId, ...input }) => commitUpload(ctx, sessionId, input),
    'values.string.abortUpload': ({ sessionId, ...input }) => abortUpload(ctx, sessionId, input),
    'values.mset': ({ sessionId, pairs, onlyIfNoneExist }) => mset(ctx, sessionId, pairs, onlyIfNoneExist),
    'values.mget': ({ sessionId, keys, previewBytes }) => mget(ctx, sessionId, keys, previewBytes),
    'values.hash.scan': ({ sessionId, ...request }) => scanHash(ctx, sessionId, request),
    'values.hash.getField': ({ sessionId, key, field, whole }) =>
      loadField(ctx, sessionId, decodeKey(key), decodeKey(field), whole),
    'values.hash.fieldChunk': ({ sessionId, ...input }) => readFieldChunk(ctx, snapshots, sessionId, input),
    'values.hash.commitFieldUpload': ({ sessionId, ...input }) => commitFieldUpload(ctx, sessionId, input),
    'values.hash.setField': ({ sessionId, ...input }) => setField(ctx, sessionId, input),
    'values.hash.renameField': ({ sessionId, ...input }) => renameField(ctx, sessionId, input),
    'values.hash.deleteFields': ({ sessionId, ...input }) => deleteFields(ctx, sessionId, input),
    'values.hash.create': ({ sessionId, ...input }) => createHash(ctx, sessionId, input),
    'values.list.range': ({ sessionId, ...request }) => listRange(ctx, sessionId, request),
    'values.set.scan': ({ sessionId, ...request }) => scanSet(ctx, sessionId, request),
    'values.zset.range': ({ sessionId, ...request }) => zsetRange(ctx, sessionId, request),
    'values.zset.scan': ({ sessionId, ...request }) => scanZset(ctx, sessionId, request),
    'values.stream.range': ({ sessionId, ...request }) => streamRange(ctx, sessionId, request),
  };
}
