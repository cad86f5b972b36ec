import type { KeyBytes } from '../../../shared/api/keys';
import type { ValuePreview } from '../../../shared/api/values';
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
import { readTyped } from './readTyped';
import type { ValueContext } from './valueContext';

export interface ScanRequest {
  key: KeyBytes;
  cursor: string;
  count: number;
  match?: string | undefined;
  previewBytes: number;
}

/** How one SCAN-paged type is read: its page script, its commands, and its elements' layout. */
export interface ScanKind {
  type: 'set' | 'hash' | 'zset';
  script: string;
  scan: 'SSCAN' | 'HSCAN' | 'ZSCAN';
  length: 'scard' | 'hlen' | 'zcard';
  shape: Shape;
}

/** An element's identity within a page: its first part (member or field) as shown, and its size. */
const idOf = (parts: Part[]) => {
  const first = parts[0] as ValuePreview;
  return `${first.size}:${typeof first.value === 'string' ? `s${first.value}` : `b${first.value.base64}`}`;
};

/** SCAN may repeat an element (while the collection is rehashed): each shows once per page. */
function unique(elements: Part[][]): Part[][] {
  const seen = new Set<string>();
  return elements.filter((parts) => !seen.has(idOf(parts)) && !!seen.add(idOf(parts)));
}

/**
 * SCAN … COUNT FALLBACK_BATCH from core until the page's COUNT is used up, the cursor is done or
 * a budget is reached (where scripting is refused; elements come whole).
 */
async function scanHere(ctx: ValueContext, sessionId: string, key: Buffer, request: ScanRequest, kind: ScanKind) {
  const budget = pageBudget(request.previewBytes);
  const elements: Part[][] = [];
  const match = request.match === undefined ? [] : ['MATCH', Buffer.from(request.match, 'utf8')];
  let cursor = request.cursor;
  let length = 0;
  for (let used = 0; used < request.count; used += FALLBACK_BATCH) {
    const [total, page] = await readTyped(ctx, sessionId, key, kind.type, (multi) =>
      multi[kind.length](key).callBuffer(kind.scan, key, cursor, ...match, 'COUNT', FALLBACK_BATCH),
    );
    const [next, flat] = page as [Buffer, Buffer[]];
    length = Number(total);
    cursor = next.toString();
    elements.push(...wholeElements(flat, kind.shape, budget));
    if (cursor === '0' || budget.full()) break;
  }
  return { cursor, length, elements };
}

/**
 * One SCAN page of a set, hash or sorted set with its length: elements cut by Redis (a page
 * script), or read whole and cut here where scripting is refused. Bounded by the page budgets.
 */
export async function scanPage(ctx: ValueContext, sessionId: string, request: ScanRequest, kind: ScanKind) {
  const key = decodeKey(request.key);
  const { cursor, count, match, previewBytes } = request;
  const args = [cursor, count, ...(match === undefined ? [] : [Buffer.from(match, 'utf8')])];
  const reply = await runPageScript(ctx, sessionId, key, kind.type, kind.script, previewBytes, args);
  const page = reply
    ? {
        length: Number(reply[0]),
        cursor: String(reply[1]),
        elements: scriptElements(reply[2] as unknown[], kind.shape, previewBytes),
      }
    : await scanHere(ctx, sessionId, key, request, kind);
  return { ...page, elements: unique(page.elements) };
}
