import type Redis from 'ioredis';
import type { RedisType, ScanStatus } from '../../../shared/api/keys';
import { mapError } from '../api/mapError';
import type { KeyIndex } from './index/keyIndex';
import { ScanCountTuner } from './scanCountTuner';

export interface ScanJob {
  /** `MATCH` pattern bytes, if any. */
  match?: Buffer;
  type?: RedisType;
  /** Stop once the index holds this many keys (state `capped`). */
  cap?: number;
  /** Gentle mode: at most this many SCAN calls per second. */
  maxCallsPerSecond?: number;
  /** Keys the index should take; the rest of a page is skipped. */
  accept?: (key: Buffer) => boolean;
  /** COUNT of the first call (the profile's scanCount); adapted after each call. */
  scanCount: number;
  /** Read DBSIZE first (the "of ~N"); folder completions skip it. */
  readDbSize: boolean;
}

interface Page {
  cursor: string;
  keys: Buffer[];
  sentAt: number;
}

/**
 * One SCAN of the session's db into an index, never `KEYS`. The next SCAN call is sent before
 * the current page is indexed, so Redis and the indexing work in parallel. Never throws: a
 * Redis error (a `TYPE` filter on an old server, a dropped connection mid-scan) ends it in
 * state `error` with the server's message; the UI offers a rescan.
 */
export class KeyScanner {
  readonly status: ScanStatus;
  /** Resolves once DBSIZE is known (or the scan failed before). */
  readonly ready: Promise<void>;
  readonly done: Promise<void>;
  readonly #tuner: ScanCountTuner;
  #cancelled = false;
  #lastCallAt = 0;
  #markReady!: () => void;

  constructor(
    /** The connection pinned to the scanned db, asked for each call (see DbLanes). */
    private readonly client: () => Promise<Redis>,
    private readonly index: KeyIndex,
    private readonly job: ScanJob,
    /** Progress; `final` once when it completes, caps or fails (not when cancelled). */
    private readonly onProgress: (rowsChanged: boolean, final: boolean) => void,
    status: Partial<ScanStatus> = {},
  ) {
    this.status = { state: 'scanning', keys: 0, dbSize: 0, calls: 0, startedAt: Date.now(), ...status };
    this.#tuner = new ScanCountTuner(job.scanCount);
    this.ready = new Promise((resolve) => (this.#markReady = resolve));
    this.done = this.#run();
  }

  /** The COUNT the next call would use (the benchmark compares against it). */
  get count(): number {
    return this.#tuner.count;
  }

  cancel(): void {
    if (this.#cancelled || this.status.state !== 'scanning') return;
    this.#cancelled = true;
    this.status.state = 'cancelled';
    this.status.finishedAt = Date.now();
  }

  async #run(): Promise<void> {
    const status = this.status;
    try {
      if (this.job.readDbSize) status.dbSize = await (await this.client()).dbsize();
      this.#markReady();
      let next: Promise<Page> | undefined = this.#call('0');
      let idleFrom = performance.now();
      while (next) {
        const page: Page = await next;
        if (this.#cancelled) return;
        status.calls++;
        // Time the server could have been working for us: a reply that arrived while we were
        // indexing the previous page is not counted as slow.
        this.#tuner.next(performance.now() - Math.max(page.sentAt, idleFrom));
        const more = page.cursor !== '0';
        next = more && !this.job.maxCallsPerSecond ? this.#call(page.cursor) : undefined;
        const added = this.#insert(page.keys);
        // The index copied the bytes: let the reply's buffers go now rather than with the page.
        page.keys.length = 0;
        idleFrom = performance.now();
        if (this.#capReached()) status.state = 'capped';
        else if (!more) status.state = 'complete';
        if (status.state !== 'scanning') break;
        this.onProgress(added > 0, false);
        if (!next) {
          await this.#pace();
          if (this.#cancelled) return;
          next = this.#call(page.cursor);
        }
      }
    } catch (e) {
      if (this.#cancelled) return;
      const { code, message } = mapError(e);
      status.state = 'error';
      status.error = { code, message };
    } finally {
      this.#markReady();
    }
    status.finishedAt = Date.now();
    this.onProgress(true, true);
  }

  #call(cursor: string): Promise<Page> {
    const { match, type } = this.job;
    const args: (string | Buffer)[] = [cursor];
    if (match) args.push('MATCH', match);
    args.push('COUNT', String(this.#tuner.count));
    if (type) args.push('TYPE', type);
    const sentAt = performance.now();
    this.#lastCallAt = sentAt;
    const page = this.client()
      .then((client) => client.callBuffer('SCAN', ...args) as Promise<[Buffer, Buffer[]]>)
      .then(([next, keys]) => ({ cursor: next.toString(), keys, sentAt }));
    page.catch(() => undefined); // a call sent ahead may be abandoned (cap, cancel)
    return page;
  }

  #insert(keys: Buffer[]): number {
    const { accept, cap } = this.job;
    let added = 0;
    for (const key of keys) {
      if (cap !== undefined && this.index.size >= cap) break;
      if ((!accept || accept(key)) && this.index.add(key)) added++;
    }
    return added;
  }

  #capReached(): boolean {
    return this.job.cap !== undefined && this.index.size >= this.job.cap;
  }

  async #pace(): Promise<void> {
    const perSecond = this.job.maxCallsPerSecond;
    if (!perSecond) return;
    const wait = this.#lastCallAt + 1000 / perSecond - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
