import { describe, expect, it } from 'vitest';
import type { KeyBytes, KeyRow, KeyRowsPage } from '../../../shared/api/keys';
import type { Result } from '../../../shared/api/result';
import { selectAll, selectOnly, selectRange, toggleRow } from './keySelection';
import {
  MAX_BULK_KEYS,
  planDelete,
  resolveSelection,
  TOO_MANY_KEYS,
  type FetchRows,
  type FolderRow,
} from './resolveSelection';

const key = (k: string, depth = 0): KeyRow => ({ kind: 'key', key: k, name: k, depth });
const folder = (prefix: KeyBytes, count = 2): FolderRow => ({
  kind: 'folder',
  prefix,
  name: prefix,
  depth: 0,
  count,
  expanded: true,
});

/** Rows served the way `keys.rows` serves them: windows of a list, with its total. */
function served(rows: KeyRow[] | ((call: number) => KeyRow[])) {
  const calls: [number, number][] = [];
  const fetch: FetchRows = async (offset, limit): Promise<Result<KeyRowsPage>> => {
    calls.push([offset, limit]);
    const all = typeof rows === 'function' ? rows(calls.length) : rows;
    return { ok: true, value: { total: all.length, offset, rows: all.slice(offset, offset + limit) } };
  };
  return { fetch, calls };
}

describe('resolveSelection', () => {
  it('reads a range page by page, skips rows toggled off, adds picked rows once', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => key(`k:${i}`));
    const { fetch, calls } = served(rows);
    let sel = selectRange(selectOnly(10), 11_009); // 11,000 rows
    sel = toggleRow(sel, 20, rows[20]!);
    sel = toggleRow(sel, 11_500, rows[11_500]!);
    sel = toggleRow(sel, 11_501, rows[11_501]!);
    const progress: number[] = [];
    const r = await resolveSelection(sel, fetch, (n) => progress.push(n));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.keys.length).toBe(11_000 - 1 + 2);
    expect(r.value.keys[0]).toBe('k:10');
    expect(r.value.keys).not.toContain('k:20');
    expect(r.value.keys.slice(-2)).toEqual(['k:11500', 'k:11501']);
    expect(calls).toEqual([
      [10, 5_000],
      [5_010, 5_000],
      [10_010, 1_000],
    ]);
    expect(progress).toEqual([5_010, 10_010, 11_010]);
  });

  it('select all reads to the end; folders come apart from keys', async () => {
    const rows = [folder('a:'), key('a:1', 1), key('a:2', 1), key('b')];
    const r = await resolveSelection(selectAll(selectOnly(0)), served(rows).fetch);
    expect(r).toEqual({ ok: true, value: { keys: ['a:1', 'a:2', 'b'], folders: [rows[0]] } });
  });

  it('refuses more than the bulk cap, saying what to do instead', async () => {
    const rows = Array.from({ length: MAX_BULK_KEYS + 5 }, (_, i) => key(`k${i}`));
    const r = await resolveSelection(selectAll(selectOnly(0)), served(rows).fetch);
    expect(r).toEqual({ ok: false, message: TOO_MANY_KEYS });
  });

  it('starts over when the tree moves mid-read, and gives up with a reason', async () => {
    const base = Array.from({ length: 9_000 }, (_, i) => key(`k${i}`));
    // The second call sees one more row (a scan added it): the first read is thrown away.
    const moving = served((call) => (call === 2 ? [...base, key('new')] : base));
    const r = await resolveSelection(selectAll(selectOnly(0)), moving.fetch);
    expect(r.ok && r.value.keys.length).toBe(9_000);
    const always = served((call) => base.slice(0, 9_000 - call));
    const failed = await resolveSelection(selectAll(selectOnly(0)), always.fetch);
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.message).toMatch(/scan is running/);
  });

  it('passes the server error on', async () => {
    const r = await resolveSelection(selectOnly(0), async () => ({
      ok: false,
      error: { code: 'CONNECTION_LOST', message: 'Connection lost' },
    }));
    expect(r).toEqual({ ok: false, message: 'Connection lost' });
  });
});

describe('planDelete', () => {
  it('lets a selected folder cover the keys and folders inside it, bytes compared exactly', () => {
    const bin = { base64: btoa('\xff:') };
    const plan = planDelete({
      keys: ['a:1', 'a:b:2', 'ab', { base64: btoa('\xff:x') }, { base64: btoa('\xfe:x') }],
      folders: [folder('a:'), folder('a:b:'), folder(bin)],
    });
    expect(plan.keys).toEqual(['ab', { base64: btoa('\xfe:x') }]);
    expect(plan.folders.map((f) => f.prefix)).toEqual(['a:', bin]);
  });
});
