import type { KeyBytes } from '../../../shared/api/keys';
import type { HashScanPage } from '../../../shared/api/values';
import { decodeKey } from '../keys/keyBytes';
import { readTyped } from './readTyped';
import { preview } from './valueCodec';
import type { ValueContext } from './valueContext';

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
