import type { KeyBytes } from '../../../shared/api/keys';
import { MAX_VALUE_BYTES, PARTIAL_LOAD_BYTES, type HashScanPage, type LoadedField } from '../../../shared/api/values';
import { ApiFailure } from '../api/apiFailure';
import { decodeKey, showKey } from '../keys/keyBytes';
import { readTyped } from './readTyped';
import { cutPrefix, encodeValue, preview, versionOf } from './valueCodec';
import type { ValueContext } from './valueContext';
import { tooLarge } from './valueErrors';

export interface ScanRequest {
  key: KeyBytes;
  cursor: string;
  count: number;
  match?: string | undefined;
  previewBytes: number;
}

/** SCAN-family arguments after the key: cursor, MATCH, COUNT. */
export const scanArgs = (request: ScanRequest): (string | Buffer | number)[] => [
  request.cursor,
  ...(request.match === undefined ? [] : ['MATCH', Buffer.from(request.match, 'utf8')]),
  'COUNT',
  request.count,
];

/** Pairs of a flat [a1, b1, a2, b2…] reply, dropping repeats of the same first element. */
export function uniquePairs(flat: Buffer[]): [Buffer, Buffer][] {
  const seen = new Set<string>();
  const pairs: [Buffer, Buffer][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const id = flat[i]!.toString('latin1');
    if (seen.has(id)) continue;
    seen.add(id);
    pairs.push([flat[i]!, flat[i + 1]!]);
  }
  return pairs;
}

/** values.hash.scan: HLEN and one HSCAN page, in one MULTI that checks the type first. */
export async function scanHash(ctx: ValueContext, sessionId: string, request: ScanRequest): Promise<HashScanPage> {
  const key = decodeKey(request.key);
  const [length, page] = await readTyped(ctx, sessionId, key, 'hash', (multi) =>
    multi.hlen(key).callBuffer('HSCAN', key, ...scanArgs(request)),
  );
  const [cursor, flat] = page as [Buffer, Buffer[]];
  return {
    cursor: cursor.toString(),
    length: Number(length),
    entries: uniquePairs(flat).map(([field, value]) => ({
      field: preview(field, request.previewBytes),
      value: preview(value, request.previewBytes),
    })),
  };
}

export const fieldGone = (key: Buffer, field: Buffer): ApiFailure =>
  new ApiFailure('NOT_FOUND', `The field ${showKey(field)} of ${showKey(key)} no longer exists (deleted meanwhile).`);

/**
 * Loads one field: HSTRLEN first, so a value too big to load whole is refused before it is
 * fetched; above PARTIAL_LOAD_BYTES only a prefix goes to the UI unless `whole`.
 */
export async function loadField(
  ctx: ValueContext,
  sessionId: string,
  key: Buffer,
  field: Buffer,
  whole: boolean,
): Promise<LoadedField> {
  const [exists, size] = await readTyped(ctx, sessionId, key, 'hash', (multi) =>
    multi.hexists(key, field).hstrlen(key, field),
  );
  if (Number(exists) !== 1) throw fieldGone(key, field);
  if (Number(size) > MAX_VALUE_BYTES) throw tooLarge(Number(size));
  const [value] = await readTyped(ctx, sessionId, key, 'hash', (multi) => multi.hgetBuffer(key, field));
  if (value === null) throw fieldGone(key, field);
  const bytes = value as Buffer;
  const fieldBytes = encodeValue(field);
  if (whole || bytes.length <= PARTIAL_LOAD_BYTES) {
    return {
      field: fieldBytes,
      value: encodeValue(bytes),
      size: bytes.length,
      partial: false,
      loadedBytes: bytes.length,
      version: versionOf(bytes),
    };
  }
  const head = cutPrefix(bytes, PARTIAL_LOAD_BYTES);
  return {
    field: fieldBytes,
    value: encodeValue(head),
    size: bytes.length,
    partial: true,
    loadedBytes: head.length,
    version: null,
  };
}
