import type { KeyBytes } from '../../../shared/api/keys';
import type {
  ListPage,
  SetScanPage,
  StreamPage,
  ZsetMember,
  ZsetRangePage,
  ZsetScanPage,
} from '../../../shared/api/values';
import { decodeKey } from '../keys/keyBytes';
import { scanArgs, uniquePairs, type ScanRequest } from './hashReads';
import { readTyped } from './readTyped';
import { preview } from './valueCodec';
import type { ValueContext } from './valueContext';

interface RangeRequest {
  key: KeyBytes;
  start: number;
  count: number;
  previewBytes: number;
}

/** values.list.range: LLEN and LRANGE start … start+count-1. */
export async function listRange(ctx: ValueContext, sessionId: string, request: RangeRequest): Promise<ListPage> {
  const key = decodeKey(request.key);
  const { start, count, previewBytes } = request;
  const [length, items] = await readTyped(ctx, sessionId, key, 'list', (multi) =>
    multi.llen(key).lrangeBuffer(key, start, start + count - 1),
  );
  return { length: Number(length), start, items: (items as Buffer[]).map((item) => preview(item, previewBytes)) };
}

/** values.set.scan: SCARD and one SSCAN page (deduplicated within the page). */
export async function scanSet(ctx: ValueContext, sessionId: string, request: ScanRequest): Promise<SetScanPage> {
  const key = decodeKey(request.key);
  const [length, page] = await readTyped(ctx, sessionId, key, 'set', (multi) =>
    multi.scard(key).callBuffer('SSCAN', key, ...scanArgs(request)),
  );
  const [cursor, members] = page as [Buffer, Buffer[]];
  const unique = new Map(members.map((member) => [member.toString('latin1'), member]));
  return {
    cursor: cursor.toString(),
    length: Number(length),
    members: [...unique.values()].map((member) => preview(member, request.previewBytes)),
  };
}

const zsetMembers = (pairs: [Buffer, Buffer][], previewBytes: number): ZsetMember[] =>
  pairs.map(([member, score]) => ({ member: preview(member, previewBytes), score: score.toString() }));

/** values.zset.range: ZCARD and ZRANGE by rank WITHSCORES (highest first with `reverse`). */
export async function zsetRange(
  ctx: ValueContext,
  sessionId: string,
  request: RangeRequest & { reverse: boolean },
): Promise<ZsetRangePage> {
  const key = decodeKey(request.key);
  const { start, count, previewBytes } = request;
  const [length, flat] = await readTyped(ctx, sessionId, key, 'zset', (multi) =>
    multi
      .zcard(key)
      .callBuffer('ZRANGE', key, start, start + count - 1, ...(request.reverse ? ['REV'] : []), 'WITHSCORES'),
  );
  return { length: Number(length), start, members: zsetMembers(uniquePairs(flat as Buffer[]), previewBytes) };
}

/** values.zset.scan: ZCARD and one ZSCAN page (for MATCH filtering). */
export async function scanZset(ctx: ValueContext, sessionId: string, request: ScanRequest): Promise<ZsetScanPage> {
  const key = decodeKey(request.key);
  const [length, page] = await readTyped(ctx, sessionId, key, 'zset', (multi) =>
    multi.zcard(key).callBuffer('ZSCAN', key, ...scanArgs(request)),
  );
  const [cursor, flat] = page as [Buffer, Buffer[]];
  return {
    cursor: cursor.toString(),
    length: Number(length),
    members: zsetMembers(uniquePairs(flat), request.previewBytes),
  };
}

/**
 * values.stream.range: XLEN and XRANGE (XREVRANGE with `reverse`) of `count` entries from the
 * start (or end), or strictly after the entry id `after` — ids are unique, so pages never overlap.
 */
export async function streamRange(
  ctx: ValueContext,
  sessionId: string,
  request: { key: KeyBytes; after?: string | undefined; count: number; reverse: boolean; previewBytes: number },
): Promise<StreamPage> {
  const key = decodeKey(request.key);
  const { after, count, reverse, previewBytes } = request;
  const from = after === undefined ? (reverse ? '+' : '-') : `(${after}`;
  const to = reverse ? '-' : '+';
  const [length, raw] = await readTyped(ctx, sessionId, key, 'stream', (multi) =>
    multi.xlen(key).callBuffer(reverse ? 'XREVRANGE' : 'XRANGE', key, from, to, 'COUNT', count),
  );
  const entries = (raw as [Buffer, Buffer[]][]).map(([id, flat]) => {
    const fields: StreamPage['entries'][number]['fields'] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      fields.push({ field: preview(flat[i]!, previewBytes), value: preview(flat[i + 1]!, previewBytes) });
    }
    return { id: id.toString(), fields };
  });
  const last = entries[entries.length - 1];
  return { length: Number(length), entries, ...(entries.length === count && last ? { next: last.id } : {}) };
}
