import type { KeyBytes } from '../../../shared/api/keys';
import type {
  ListPage,
  SetScanPage,
  ValuePreview,
  ZsetMember,
  ZsetRangePage,
  ZsetScanPage,
} from '../../../shared/api/values';
import { decodeKey } from '../keys/keyBytes';
import {
  FALLBACK_BATCH,
  pageBudget,
  runPageScript,
  scriptElements,
  wholeElements,
  type Part,
  type Shape,
} from './pageBudget';
import { LIST_PAGE, SET_SCAN_PAGE, ZSET_RANK_PAGE, ZSET_SCAN_PAGE } from './pageScripts';
import { readTyped } from './readTyped';
import { scanPage, type ScanKind, type ScanRequest } from './scanPages';
import type { ValueContext } from './valueContext';

interface RangeRequest {
  key: KeyBytes;
  start: number;
  count: number;
  previewBytes: number;
}

/**
 * Elements by index FALLBACK_BATCH at a time, until `count` or a budget is reached (where
 * scripting is refused). `batch` reads indexes [from, to] whole, with the collection's length.
 */
async function rangeHere(
  request: RangeRequest,
  shape: Shape,
  batch: (from: number, to: number) => Promise<unknown[]>,
): Promise<{ length: number; elements: Part[][] }> {
  const { start, count, previewBytes } = request;
  const budget = pageBudget(previewBytes);
  const elements: Part[][] = [];
  let length = 0;
  for (let at = start; at < start + count && !budget.full();) {
    const to = Math.min(start + count, at + FALLBACK_BATCH) - 1;
    const [total, flat] = await batch(at, to);
    length = Number(total);
    const got = wholeElements(flat as Buffer[], shape, budget);
    elements.push(...got);
    if (got.length < to - at + 1) break;
    at = to + 1;
  }
  return { length, elements };
}

const VALUE: Shape = ['preview'];
const SCORED: Shape = ['preview', 'raw'];

/** values.list.range: LLEN and elements start … start+count-1, cut by Redis (see pageBudget). */
export async function listRange(ctx: ValueContext, sessionId: string, request: RangeRequest): Promise<ListPage> {
  const key = decodeKey(request.key);
  const { start, count, previewBytes } = request;
  const reply = await runPageScript(ctx, sessionId, key, 'list', LIST_PAGE, previewBytes, [start, count]);
  const { length, elements } = reply
    ? { length: Number(reply[0]), elements: scriptElements(reply[1] as unknown[], VALUE, previewBytes) }
    : await rangeHere(request, VALUE, (from, to) =>
        readTyped(ctx, sessionId, key, 'list', (multi) => multi.llen(key).lrangeBuffer(key, from, to)),
      );
  return { length, start, items: elements.map(([item]) => item as ValuePreview) };
}

const SET: ScanKind = { type: 'set', script: SET_SCAN_PAGE, scan: 'SSCAN', length: 'scard', shape: VALUE };
const ZSET: ScanKind = { type: 'zset', script: ZSET_SCAN_PAGE, scan: 'ZSCAN', length: 'zcard', shape: SCORED };

/** values.set.scan: SCARD and one SSCAN page (deduplicated within the page). */
export async function scanSet(ctx: ValueContext, sessionId: string, request: ScanRequest): Promise<SetScanPage> {
  const { cursor, length, elements } = await scanPage(ctx, sessionId, request, SET);
  return { cursor, length, members: elements.map(([member]) => member as ValuePreview) };
}

const zsetMember = ([member, score]: Part[]): ZsetMember => ({
  member: member as ValuePreview,
  score: score as string,
});

/** values.zset.range: ZCARD and members by rank with scores (highest first with `reverse`). */
export async function zsetRange(
  ctx: ValueContext,
  sessionId: string,
  request: RangeRequest & { reverse: boolean },
): Promise<ZsetRangePage> {
  const key = decodeKey(request.key);
  const { start, count, previewBytes, reverse } = request;
  const args = [start, count, reverse ? '1' : '0'];
  const reply = await runPageScript(ctx, sessionId, key, 'zset', ZSET_RANK_PAGE, previewBytes, args);
  const rev = reverse ? ['REV'] : [];
  const { length, elements } = reply
    ? { length: Number(reply[0]), elements: scriptElements(reply[1] as unknown[], SCORED, previewBytes) }
    : await rangeHere(request, SCORED, (from, to) =>
        readTyped(ctx, sessionId, key, 'zset', (multi) =>
          multi.zcard(key).callBuffer('ZRANGE', key, from, to, ...rev, 'WITHSCORES'),
        ),
      );
  return { length, start, members: elements.map(zsetMember) };
}

/** values.zset.scan: ZCARD and one ZSCAN page (for MATCH filtering). */
export async function scanZset(ctx: ValueContext, sessionId: string, request: ScanRequest): Promise<ZsetScanPage> {
  const { cursor, length, elements } = await scanPage(ctx, sessionId, request, ZSET);
  return { cursor, length, members: elements.map(zsetMember) };
}
