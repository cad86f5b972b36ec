import type { ValuePreview } from '../../../shared/api/values';
import { evalCachedBuffers } from './evalCached';
import { preview } from './valueCodec';
import type { ValueContext } from './valueContext';
import { keyGone, scriptingRefused, wrongType } from './valueErrors';

/*
 * Every collection page is bounded twice, whatever `count` and `previewBytes` say: it stops once
 * its elements add up to PAGE_READ_BUDGET bytes read (copied inside Redis by a page script, or
 * sent to core where scripting is refused) or its previews to PAGE_PREVIEW_BUDGET bytes. It
 * then holds fewer elements than asked, and continues where it stopped (the next start, cursor
 * or entry id); at least one element always comes.
 */
export const PAGE_READ_BUDGET = 8 * 1024 * 1024;
export const PAGE_PREVIEW_BUDGET = 4 * 1024 * 1024;
/** Fields shown per stream entry (an entry can hold millions). */
export const MAX_ENTRY_FIELDS = 1_000;
/**
 * Where scripting is refused, elements come whole (Redis can neither cut them nor tell their
 * length first), this many per command: a page then reads at most PAGE_READ_BUDGET plus one
 * batch of elements, however big they are.
 */
export const FALLBACK_BATCH = 16;

/** The budgets of one page, counted in core (the fallback without scripting). */
export function pageBudget(previewBytes: number) {
  let read = 0;
  let shown = 0;
  return {
    full: () => read >= PAGE_READ_BUDGET || shown >= PAGE_PREVIEW_BUDGET,
    /** One element read whole: counted, and cut to its preview. */
    take(bytes: Buffer): ValuePreview {
      read += bytes.length;
      shown += Math.min(bytes.length, previewBytes);
      return preview(bytes, previewBytes);
    },
    /** Bytes read but not shown (stream fields past MAX_ENTRY_FIELDS). */
    skip(bytes: Buffer) {
      read += bytes.length;
    },
  };
}

/** How an element is laid out in a reply: parts shown as previews, or as they are (scores). */
export type Shape = readonly ('preview' | 'raw')[];
export type Part = ValuePreview | string;

/**
 * Elements of a page script's flat reply: a `preview` part takes two items (the preview and the
 * length), a `raw` part one.
 */
export function scriptElements(flat: unknown[], shape: Shape, previewBytes: number): Part[][] {
  const elements: Part[][] = [];
  for (let i = 0; i < flat.length;) {
    const parts: Part[] = [];
    for (const part of shape) {
      if (part === 'raw') parts.push(String(flat[i++]));
      else {
        parts.push(preview(flat[i] as Buffer, previewBytes, Number(flat[i + 1])));
        i += 2;
      }
    }
    elements.push(parts);
  }
  return elements;
}

/** Elements of a reply read whole (without scripting): one item per part, cut and counted here. */
export function wholeElements(flat: Buffer[], shape: Shape, budget: ReturnType<typeof pageBudget>): Part[][] {
  const elements: Part[][] = [];
  for (let i = 0; i + shape.length <= flat.length; i += shape.length) {
    elements.push(shape.map((part, at) => (part === 'raw' ? flat[i + at]!.toString() : budget.take(flat[i + at]!))));
  }
  return elements;
}

/**
 * Runs a page script (pageScripts.ts) with the budgets; answers its reply after the status, or
 * null where scripting is refused (the caller reads the page itself then).
 */
export async function runPageScript(
  ctx: ValueContext,
  sessionId: string,
  key: Buffer,
  expected: string,
  script: string,
  previewBytes: number,
  args: (string | Buffer | number)[],
): Promise<unknown[] | null> {
  let reply: unknown[];
  try {
    const client = ctx.client(sessionId);
    const all = [previewBytes, PAGE_READ_BUDGET, PAGE_PREVIEW_BUDGET, ...args];
    reply = (await ctx.redis(key, () => evalCachedBuffers(client, script, [key], all))) as unknown[];
  } catch (e) {
    if (!scriptingRefused(e)) throw e;
    return null;
  }
  const [status, ...rest] = reply;
  if (String(status) === 'GONE') {
    await ctx.keyMaybeGone(sessionId, key);
    throw keyGone(key);
  }
  if (String(status) === 'TYPE') throw wrongType(key, String(rest[0]), expected);
  return rest;
}
