import { beforeEach, describe, expect, it } from 'vitest';
import type { KeyBytes, KeyMeta, KeyRow } from '../../../shared/api/keys';
import type { RedlensBridge } from '../../../shared/api/transport';
import { setBridge } from '../api/client';
import { KEPT_PAGES, PAGE_SIZE } from './keyPages';
import { useKeys } from './keysStore';

// The loader against a scripted bridge (a flat list of `k<i>` keys): which calls it makes, and
// what it keeps. No Redis is involved at this level; core's side is tested against real Redis.
const TOTAL = 100_000;
let calls: { method: string; input: Record<string, unknown> }[];
let pendingMeta: (() => void)[];

const bridge = {
  invoke: (method: string, input: Record<string, unknown>) => {
    calls.push({ method, input });
    if (method === 'keys.rows') {
      const offset = input['offset'] as number;
      const rows = Array.from({ length: Math.min(input['limit'] as number, TOTAL - offset) }, (_, i): KeyRow => ({
        kind: 'key',
        key: `k${offset + i}`,
        name: `k${offset + i}`,
        depth: 0,
      }));
      return Promise.resolve({ ok: true, value: { total: TOTAL, offset, rows } });
    }
    if (method === 'keys.meta') {
      const value = (input['keys'] as KeyBytes[]).map((key): KeyMeta => ({ key, type: 'string', ttlMs: -1 }));
      return new Promise((resolve) => pendingMeta.push(() => resolve({ ok: true, value })));
    }
    return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: `not scripted: ${method}` } });
  },
  subscribe: () => () => undefined,
} as unknown as RedlensBridge;

const metaCalls = () => calls.filter((c) => c.method === 'keys.meta').map((c) => c.input['keys'] as string[]);
const settle = () => new Promise((r) => setTimeout(r, 0));
/** Answers the TYPE/TTL calls in flight, and those they lead to, until none is left. */
async function answerMeta() {
  await settle();
  while (pendingMeta.length > 0) {
    pendingMeta.splice(0).forEach((answer) => answer());
    await settle();
  }
}

beforeEach(() => {
  calls = [];
  pendingMeta = [];
  setBridge(bridge);
});

describe('row loader', () => {
  it('loads the pages in view, then TYPE/TTL for the rows in view only', async () => {
    const { ensureRows } = useKeys.getState();
    const done = ensureRows('a', 190, 230);
    await answerMeta();
    await done;
    const s = useKeys.getState().bySession['a']!;
    expect(Object.keys(s.pages).map(Number)).toEqual([0, 1]);
    // Page 0 came first: its rows in view, then (one call at a time) the rest.
    expect(metaCalls().flat()).toEqual(Array.from({ length: 40 }, (_, i) => `k${190 + i}`));
    expect(Object.keys(s.meta)).toHaveLength(40);
  });

  it('has one TYPE/TTL call in flight while scrolling, then one for where the view ended', async () => {
    const { ensureRows } = useKeys.getState();
    void ensureRows('b', 0, 40);
    await settle();
    for (let from = 100; from <= 1_000; from += 100) void ensureRows('b', from, from + 40);
    await settle();
    expect(metaCalls()).toHaveLength(1);
    await answerMeta();
    expect(metaCalls()).toHaveLength(2);
    expect(metaCalls()[1]).toEqual(Array.from({ length: 40 }, (_, i) => `k${1_000 + i}`));
  });

  it('keeps a bounded cache of pages and TYPE/TTL however far the user scrolls', async () => {
    const { ensureRows } = useKeys.getState();
    for (let from = 0; from < 200 * PAGE_SIZE; from += PAGE_SIZE / 2) {
      const done = ensureRows('c', from, from + 60);
      await answerMeta();
      await done;
    }
    const s = useKeys.getState().bySession['c']!;
    expect(Object.keys(s.pages).length).toBeLessThanOrEqual(KEPT_PAGES + 2);
    expect(Object.keys(s.meta).length).toBeLessThanOrEqual((KEPT_PAGES + 2) * PAGE_SIZE);
    // The focused row's page stays (the keyboard acts on it); one scrolled past is read again.
    expect(s.pages[0]).toBeDefined();
    const before = calls.length;
    const done = ensureRows('c', 50 * PAGE_SIZE, 50 * PAGE_SIZE + 60);
    await answerMeta();
    await done;
    const offsets = calls.slice(before).flatMap((c) => (c.method === 'keys.rows' ? [c.input['offset']] : []));
    expect(offsets).toEqual([50 * PAGE_SIZE]);
  });
});
