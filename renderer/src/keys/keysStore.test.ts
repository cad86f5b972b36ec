import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KeyJobStatus, ScanStatus } from '../../../shared/api/keys';
import type { RedlensBridge } from '../../../shared/api/transport';
import { setBridge } from '../api/client';
import { useSessions } from '../sessions/sessionsStore';
import { FADE_MS } from '../ui/fade';
import { useKeys } from './keysStore';

// Finished-job messages and key counts in the store, against a scripted bridge (no Redis at
// this level): what fades, what stays, what a db switch drops, and when counts are read again.
let calls: string[];
let keyspace: number;
/** What keys.scan answers, and when (the test resolves it). */
let scanReply: { resolve(status: ScanStatus): void } | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  calls = [];
  keyspace = 10;
  setBridge({
    invoke: (method: string, input: Record<string, unknown>) => {
      calls.push(method);
      if (method === 'keys.delete')
        return Promise.resolve({ ok: true, value: { deleted: (input['keys'] as []).length } });
      if (method === 'sessions.databases') {
        return Promise.resolve({
          ok: true,
          value: { count: 16, fromConfig: true, keyspace: [{ db: 0, keys: keyspace, expires: 0 }] },
        });
      }
      if (method === 'keys.scan') {
        return new Promise((resolve) => {
          scanReply = { resolve: (status) => resolve({ ok: true, value: status }) };
        });
      }
      if (method === 'keys.rows') return Promise.resolve({ ok: true, value: { total: 0, offset: 0, rows: [] } });
      return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: `not scripted: ${method}` } });
    },
    subscribe: () => () => undefined,
  } as unknown as RedlensBridge);
  useKeys.setState({ bySession: {} });
  useSessions.setState({ databases: {} });
});
afterEach(() => {
  vi.useRealTimers();
});

const job = (state: KeyJobStatus['state'], db = 0): KeyJobStatus => ({
  sessionId: 's1',
  jobId: 'j1',
  kind: 'deleteFolder',
  db,
  prefix: 'f:',
  state,
  deleted: 3,
  expected: 3,
  at: 1,
  ...(state === 'error' && { error: { code: 'OOM', message: 'out of memory' } }),
});
const keys = () => useKeys.getState().bySession['s1']!;
/** Lets the bridge's answers (promises) arrive. */
const answers = () => vi.advanceTimersByTimeAsync(0);

describe('finished-job messages', () => {
  it('a finished folder delete fades after a few seconds; a failed one stays until dismissed', () => {
    useKeys.getState().onJobEvent(job('running'));
    useKeys.getState().onJobEvent(job('done'));
    expect(keys().job?.state).toBe('done');
    vi.advanceTimersByTime(FADE_MS - 1);
    expect(keys().job?.state).toBe('done');
    vi.advanceTimersByTime(1);
    expect(keys().job).toBeUndefined();

    useKeys.getState().onJobEvent(job('error'));
    vi.advanceTimersByTime(FADE_MS * 10);
    expect(keys().job?.state).toBe('error');
    useKeys.getState().dismissJob('s1');
    expect(keys().job).toBeUndefined();
  });

  it('a finished bulk delete fades too', async () => {
    await useKeys.getState().bulkDelete('s1', { keys: ['a', 'b'], folders: [] });
    expect(keys().bulk).toMatchObject({ state: 'done', affected: 2 });
    vi.advanceTimersByTime(FADE_MS);
    expect(keys().bulk).toBeUndefined();
  });

  it('a db switch drops the messages of jobs that ended; a running one and an error stay', async () => {
    await useKeys.getState().bulkDelete('s1', { keys: ['a'], folders: [] });
    useKeys.getState().onJobEvent(job('done'));
    useKeys.getState().dbChanged('s1', 1);
    expect(keys().bulk).toBeUndefined();
    expect(keys().job).toBeUndefined();

    useKeys.getState().onJobEvent(job('running', 1));
    useKeys.getState().dbChanged('s1', 2);
    expect(keys().job?.state).toBe('running');
    useKeys.getState().onJobEvent(job('error', 1));
    useKeys.getState().dbChanged('s1', 3);
    expect(keys().job?.state).toBe('error');
  });
});

describe('key counts', () => {
  const status = (state: ScanStatus['state']): ScanStatus => ({ state, keys: 5, dbSize: 5, calls: 1 });
  const reads = () => calls.filter((m) => m === 'sessions.databases').length;

  it('are read again when a scan ends, after a delete, and when a job or bulk delete ends', async () => {
    useKeys.getState().onScanEvent('s1', status('scanning'), true);
    await answers();
    expect(reads()).toBe(0);
    keyspace = 7;
    useKeys.getState().onScanEvent('s1', status('complete'), true);
    await answers();
    expect(reads()).toBe(1);
    expect(useSessions.getState().databases['s1']?.keyspace).toEqual([{ db: 0, keys: 7, expires: 0 }]);

    await useKeys.getState().remove('s1', ['a']);
    await answers();
    expect(reads()).toBe(2);
    useKeys.getState().onJobEvent(job('done'));
    await answers();
    expect(reads()).toBe(3);
    await useKeys.getState().bulkDelete('s1', { keys: ['a'], folders: [] });
    await answers();
    expect(reads()).toBe(4);
  });

  it('asked again while a read runs, they are read once more after it, not once per ask', async () => {
    for (let i = 0; i < 5; i++) useKeys.getState().onScanEvent('s1', status('complete'), true);
    await answers();
    expect(reads()).toBe(2);
  });
});

describe('scan status', () => {
  const at = (state: ScanStatus['state'], calls: number, startedAt = 100): ScanStatus => ({
    state,
    keys: calls * 10,
    dbSize: 500,
    calls,
    startedAt,
  });

  it("keys.scan's answer, older than the scan's events that came first, does not undo them", async () => {
    const scanning = useKeys.getState().scan('s1', { db: 0 });
    await answers();
    // The scan is quick: core pushed its progress and its end before its answer arrived.
    useKeys.getState().onScanEvent('s1', at('scanning', 1), true);
    useKeys.getState().onScanEvent('s1', at('complete', 5), true);
    scanReply!.resolve(at('scanning', 0));
    await scanning;
    expect(keys().status).toMatchObject({ state: 'complete', calls: 5 });
  });

  it("the answer of a new scan replaces the last scan's status", async () => {
    useKeys.getState().onScanEvent('s1', at('complete', 5, 100), true);
    const scanning = useKeys.getState().scan('s1', { db: 0 });
    await answers();
    scanReply!.resolve(at('scanning', 0, 200));
    await scanning;
    expect(keys().status).toMatchObject({ state: 'scanning', startedAt: 200 });
  });
});
