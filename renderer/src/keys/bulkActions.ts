import type { KeyBytes, KeyJobStatus } from '../../../shared/api/keys';
import { api } from '../api/client';
import { NO_SELECTION } from './keySelection';
import type { BulkStatus, StoreContext } from './keysState';
import { keyId } from '../ui/keyText';
import type { ResolvedSelection } from './resolveSelection';

/** Keys per `keys.delete` / `keys.expire` call (the API's maximum). */
export const BULK_BATCH = 10_000;

export interface BulkActions {
  /** Deletes the keys in batches, then each folder with its folder job, one after the other. */
  bulkDelete(sessionId: string, plan: ResolvedSelection): Promise<void>;
  /** Sets (or with null removes) the TTL of the keys, in batches. */
  bulkExpire(sessionId: string, keys: KeyBytes[], ttlMs: number | null): Promise<void>;
  /** Stops after the batch in flight (and cancels a running folder job). */
  cancelBulk(sessionId: string): Promise<void>;
  dismissBulk(sessionId: string): void;
}

/** Final `keys.job` events by job id, listened to before the job starts so none is missed. */
function jobEnds() {
  const ended = new Map<string, KeyJobStatus>();
  const waiting = new Map<string, (job: KeyJobStatus) => void>();
  const off = api.on('keys.job', (job) => {
    if (job.state === 'running') return;
    const resolve = waiting.get(job.jobId);
    if (resolve) resolve(job);
    else ended.set(job.jobId, job);
  });
  return {
    wait: (jobId: string) =>
      new Promise<KeyJobStatus>((resolve) => {
        const done = ended.get(jobId);
        if (done) resolve(done);
        else waiting.set(jobId, resolve);
      }),
    stop: off,
  };
}

export function bulkActions({ patch, of, refresh, forgetDeleted, countsChanged }: StoreContext): BulkActions {
  const cancelled = new Set<string>();
  const update = (sessionId: string, p: Partial<BulkStatus>) =>
    patch(sessionId, (s) => (s.bulk ? { bulk: { ...s.bulk, ...p } } : {}));
  const start = (sessionId: string, bulk: BulkStatus) => {
    cancelled.delete(sessionId);
    patch(sessionId, { bulk });
  };
  /** Ends a run: error when a call failed, cancelled when asked, else done. */
  const finish = (sessionId: string, error?: string) => {
    const b = of(sessionId).bulk;
    const complete = !!b && b.done === b.total && b.foldersDone === b.folderTotal;
    update(sessionId, {
      state: error ? 'error' : cancelled.has(sessionId) && !complete ? 'cancelled' : 'done',
      ...(error ? { error } : {}),
    });
    // Also when it ran in a db no longer shown: the selector counts every db.
    if (b?.kind === 'delete') countsChanged(sessionId);
  };

  /** The rows on screen are of `db`: they change with what was done there. */
  const onScreen = (sessionId: string, db: number) => of(sessionId).db === db;

  const deleteKeys = async (sessionId: string, db: number, keys: KeyBytes[]): Promise<string | undefined> => {
    for (let i = 0; i < keys.length && !cancelled.has(sessionId); i += BULK_BATCH) {
      const batch = keys.slice(i, i + BULK_BATCH);
      const result = await api.call('keys.delete', { sessionId, db, keys: batch });
      if (!result.ok) return result.error.message;
      if (onScreen(sessionId, db)) {
        forgetDeleted(sessionId, batch);
        refresh(sessionId);
      }
      update(sessionId, {
        done: i + batch.length,
        affected: (of(sessionId).bulk?.affected ?? 0) + result.value.deleted,
      });
    }
    return undefined;
  };

  const deleteFolders = async (sessionId: string, db: number, prefixes: KeyBytes[]): Promise<string | undefined> => {
    const ends = jobEnds();
    try {
      for (const [i, prefix] of prefixes.entries()) {
        if (cancelled.has(sessionId)) return undefined;
        const result = await api.call('keys.deleteFolder', { sessionId, db, prefix });
        if (!result.ok) return result.error.message;
        patch(sessionId, { job: result.value });
        const end = await ends.wait(result.value.jobId);
        update(sessionId, {
          foldersDone: end.state === 'done' ? i + 1 : i,
          affected: (of(sessionId).bulk?.affected ?? 0) + end.deleted,
        });
        if (end.state === 'error') return end.error?.message ?? 'A folder could not be deleted.';
        if (end.state === 'cancelled') cancelled.add(sessionId);
      }
      return undefined;
    } finally {
      ends.stop();
    }
  };

  return {
    bulkDelete: async (sessionId, { keys, folders }) => {
      const { db } = of(sessionId);
      start(sessionId, {
        kind: 'delete',
        db,
        state: 'running',
        done: 0,
        total: keys.length,
        affected: 0,
        foldersDone: 0,
        folderTotal: folders.length,
      });
      const error =
        (await deleteKeys(sessionId, db, keys)) ??
        (await deleteFolders(
          sessionId,
          db,
          folders.map((f) => f.prefix),
        ));
      // Rows were removed: the indices the selection was made of are gone.
      if (onScreen(sessionId, db)) patch(sessionId, (s) => ({ selection: { ...NO_SELECTION, anchor: s.focused } }));
      finish(sessionId, error);
    },

    bulkExpire: async (sessionId, keys, ttlMs) => {
      const { db } = of(sessionId);
      start(sessionId, {
        kind: 'ttl',
        db,
        state: 'running',
        done: 0,
        total: keys.length,
        affected: 0,
        foldersDone: 0,
        folderTotal: 0,
        ttlMs,
      });
      let error: string | undefined;
      for (let i = 0; i < keys.length && !cancelled.has(sessionId); i += BULK_BATCH) {
        const batch = keys.slice(i, i + BULK_BATCH);
        const result = await api.call('keys.expire', { sessionId, db, keys: batch, ttlMs });
        if (!result.ok) {
          error = result.error.message;
          break;
        }
        if (onScreen(sessionId, db)) {
          // TTLs shown for these keys are stale: drop them; the visible rows read them again.
          const stale = new Set(batch.map(keyId));
          patch(sessionId, (s) => ({
            meta: Object.fromEntries(Object.entries(s.meta).filter(([id]) => !stale.has(id))),
          }));
          refresh(sessionId);
        }
        update(sessionId, {
          done: i + batch.length,
          affected: (of(sessionId).bulk?.affected ?? 0) + result.value.updated,
        });
      }
      finish(sessionId, error);
    },

    cancelBulk: async (sessionId) => {
      cancelled.add(sessionId);
      const job = of(sessionId).job;
      if (of(sessionId).bulk?.state === 'running' && job?.state === 'running') {
        const result = await api.call('keys.cancelJob', { sessionId, jobId: job.jobId });
        if (result.ok) patch(sessionId, { job: result.value });
      }
    },

    dismissBulk: (sessionId) => patch(sessionId, { bulk: undefined }),
  };
}
