import type { KeyBytes } from '../../../shared/api/keys';
import type { StreamEntry, StreamPage } from '../../../shared/api/values';
import { decodeKey } from '../keys/keyBytes';
import { FALLBACK_BATCH, MAX_ENTRY_FIELDS, pageBudget, runPageScript, scriptElements } from './pageBudget';
import { STREAM_PAGE } from './pageScripts';
import { readTyped } from './readTyped';
import type { ValueContext } from './valueContext';

interface StreamRequest {
  key: KeyBytes;
  after?: string | undefined;
  count: number;
  reverse: boolean;
  previewBytes: number;
}

const FIELD_VALUE = ['preview', 'preview'] as const;

/** An entry read by the page script: its id, field/value previews, and the fields not shown. */
function scriptEntry(raw: unknown, previewBytes: number): StreamEntry {
  const [id, flat, more] = raw as [Buffer, unknown[], number];
  const fields = scriptElements(flat, FIELD_VALUE, previewBytes).map(([field, value]) => ({
    field: field as StreamEntry['fields'][number]['field'],
    value: value as StreamEntry['fields'][number]['value'],
  }));
  return { id: id.toString(), fields, ...(Number(more) > 0 ? { moreFields: Number(more) } : {}) };
}

/** Entries from core, FALLBACK_BATCH at a time, until `count` or a budget (without scripting). */
async function streamHere(
  ctx: ValueContext,
  sessionId: string,
  key: Buffer,
  request: StreamRequest,
  from: string,
  to: string,
) {
  const budget = pageBudget(request.previewBytes);
  const entries: StreamEntry[] = [];
  let length = 0;
  let stopped = false;
  for (let next = from; entries.length < request.count;) {
    if (budget.full()) {
      stopped = true;
      break;
    }
    const n = Math.min(FALLBACK_BATCH, request.count - entries.length);
    const [total, raw] = await readTyped(ctx, sessionId, key, 'stream', (multi) =>
      multi.xlen(key).callBuffer(request.reverse ? 'XREVRANGE' : 'XRANGE', key, next, to, 'COUNT', n),
    );
    length = Number(total);
    for (const [id, flat] of raw as [Buffer, Buffer[]][]) {
      const fields: StreamEntry['fields'] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) {
        if (fields.length < MAX_ENTRY_FIELDS)
          fields.push({ field: budget.take(flat[i]!), value: budget.take(flat[i + 1]!) });
        else budget.skip(Buffer.concat([flat[i]!, flat[i + 1]!]));
      }
      const more = flat.length / 2 - fields.length;
      entries.push({ id: id.toString(), fields, ...(more > 0 ? { moreFields: more } : {}) });
    }
    if ((raw as unknown[]).length < n) break;
    next = `(${entries[entries.length - 1]!.id}`;
  }
  return { length, entries, stopped };
}

const MAX_ENTRY_ID = '18446744073709551615-18446744073709551615';
const MIN_ENTRY_ID = '0-0';

/**
 * values.stream.range: XLEN and XRANGE (XREVRANGE with `reverse`) of up to `count` entries from
 * the start (or end), or strictly after the entry id `after` — ids are unique, so pages never
 * overlap. Fields are cut by Redis (see pageBudget); `next` is there while more may follow.
 */
export async function streamRange(ctx: ValueContext, sessionId: string, request: StreamRequest): Promise<StreamPage> {
  const key = decodeKey(request.key);
  const { after, count, reverse, previewBytes } = request;
  // Nothing lies strictly after the largest id (or before 0-0 going back), and Redis refuses
  // such an exclusive start: ask for a range that is empty by construction (start past end).
  const nothingBeyond = after === (reverse ? MIN_ENTRY_ID : MAX_ENTRY_ID);
  const from = nothingBeyond ? (reverse ? '-' : '+') : after === undefined ? (reverse ? '+' : '-') : `(${after}`;
  const to = nothingBeyond ? (reverse ? '+' : '-') : reverse ? '-' : '+';
  const args = [from, to, count, reverse ? '1' : '0', MAX_ENTRY_FIELDS];
  const reply = await runPageScript(ctx, sessionId, key, 'stream', STREAM_PAGE, previewBytes, args);
  const { length, entries, stopped } = reply
    ? {
        length: Number(reply[0]),
        entries: (reply[1] as unknown[]).map((raw) => scriptEntry(raw, previewBytes)),
        stopped: String(reply[2]) === '1',
      }
    : await streamHere(ctx, sessionId, key, request, from, to);
  const last = entries[entries.length - 1];
  return { length, entries, ...((entries.length === count || stopped) && last ? { next: last.id } : {}) };
}
