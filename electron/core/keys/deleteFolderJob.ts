import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import type { KeyJobStatus } from '../../../shared/api/keys';
import { mapError } from '../api/mapError';
import { unlinkKeys } from '../cluster/unlinkKeys';
import { encodeKey, toLatin1 } from './keyBytes';
import type { KeyIndex } from './index/keyIndex';
import type { MetaCache } from './metaCache';
import { prefixPattern } from './scanPattern';
import { ScanNotifier } from './scanNotifier';

/** Keys per UNLINK call. */
export const UNLINK_BATCH = 500;

/**
 * What a job updates as it deletes: the session's index of the job's db, if the session still
 * browses that db (the index may be rebuilt meanwhile, or belong to another db: then nothing).
 */
export interface JobTarget {
  current(): { index: KeyIndex; meta: MetaCache; changed(): void } | undefined;
}

export interface DeleteFolderJobInit {
  sessionId: string;
  /** The db the job deletes in, for its whole life. */
  db: number;
  /** A connection pinned to `db`, asked for each call. */
  client: () => Promise<Redis>;
  target: JobTarget;
  /** The folder prefix (bytes, normally ending with the delimiter). */
  prefix: Buffer;
  scanCount: number;
  /** A Redis Cluster node: one UNLINK per key (see unlinkKeys). */
  clusterNode: boolean;
  emit: (status: KeyJobStatus) => void;
}

/**
 * Deletes every key under a folder prefix: `SCAN MATCH <escaped prefix>*` over the whole db and
 * `UNLINK` in batches of ≤ 500, removing each batch from the index as it goes. Progress goes out
 * as `keys.job` events (≤ 10/s) and a final one (done, cancelled or error). Never throws.
 */
export class DeleteFolderJob {
  readonly status: KeyJobStatus;
  readonly done: Promise<void>;
  readonly #init: DeleteFolderJobInit;
  readonly #notifier: ScanNotifier;
  #cancelled = false;

  constructor(init: DeleteFolderJobInit) {
    this.#init = init;
    const latin1 = toLatin1(init.prefix);
    this.status = {
      sessionId: init.sessionId,
      jobId: randomUUID(),
      kind: 'deleteFolder',
      prefix: encodeKey(init.prefix),
      db: init.db,
      state: 'running',
      deleted: 0,
      expected: init.target.current()?.index.folderCount(latin1) ?? 0,
      at: Date.now(),
    };
    this.#notifier = new ScanNotifier(() => init.emit(this.snapshot()));
    this.done = this.#run();
  }

  snapshot(): KeyJobStatus {
    return { ...this.status, at: Date.now() };
  }

  /** Stops after the batch in flight; the final event follows when it ends. */
  cancel(): KeyJobStatus {
    if (this.status.state === 'running') {
      this.#cancelled = true;
      this.status.state = 'cancelled';
    }
    return this.snapshot();
  }

  async #run(): Promise<void> {
    const { client, prefix, scanCount } = this.#init;
    const pattern = prefixPattern(prefix);
    const count = String(Math.max(scanCount, 1_000));
    let cursor = '0';
    const pending: Buffer[] = [];
    try {
      do {
        const [next, keys] = (await (await client()).callBuffer('SCAN', cursor, 'MATCH', pattern, 'COUNT', count)) as [
          Buffer,
          Buffer[],
        ];
        if (this.#cancelled) break;
        cursor = next.toString();
        pending.push(...keys);
        while (!this.#cancelled && (pending.length >= UNLINK_BATCH || (cursor === '0' && pending.length > 0))) {
          await this.#unlink(pending.splice(0, UNLINK_BATCH));
          if (!this.#cancelled) this.#notifier.notify(false);
        }
      } while (cursor !== '0' && !this.#cancelled);
      if (!this.#cancelled) {
        // Keys the index still lists under the prefix are gone from the server (or were
        // written after SCAN passed them; those are not ours to keep showing as a folder).
        this.#forget(this.#init.target.current()?.index.keysUnder(toLatin1(prefix)) ?? []);
        this.status.state = 'done';
      }
    } catch (e) {
      if (!this.#cancelled) {
        const { code, message } = mapError(e);
        this.status.state = 'error';
        this.status.error = { code, message };
      }
    }
    this.#notifier.flush();
  }

  async #unlink(batch: Buffer[]): Promise<void> {
    this.status.deleted += await unlinkKeys(await this.#init.client(), batch, this.#init.clusterNode);
    this.#forget(batch.map(toLatin1));
  }

  #forget(keys: string[]): void {
    const target = this.#init.target.current();
    if (!target) return;
    let removed = false;
    for (const key of keys) {
      if (target.index.remove(key)) removed = true;
      target.meta.invalidate(key);
    }
    if (removed) target.changed();
  }
}
