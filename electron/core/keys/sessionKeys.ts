import type Redis from 'ioredis';
import type { KeyJobStatus, RedisType, ScanStatus, ScanStatusEvent } from '../../../shared/api/keys';
import { ApiFailure } from '../api/apiFailure';
import type { KeyBrowsing } from '../sessions/session';
import { DeleteFolderJob } from './deleteFolderJob';
import { prepareBigFolders } from './index/folderPrep';
import { fromLatin1, toLatin1 } from './keyBytes';
import { KeyIndex } from './index/keyIndex';
import { KeyScanner } from './keyScanner';
import { MetaCache } from './metaCache';
import { globMatch, prefixPattern } from './scanPattern';
import { ScanNotifier } from './scanNotifier';

export interface ScanRequest {
  match?: string;
  type?: RedisType;
  cap?: number;
  maxCallsPerSecond?: number;
}

export interface SessionKeysDeps {
  /** A connection pinned to `db` (see DbLanes). */
  client: (db: number) => Promise<Redis>;
  browsing: KeyBrowsing;
  emit: (event: ScanStatusEvent) => void;
  emitJob: (status: KeyJobStatus) => void;
  /** At most one progress push per this many ms (default 100; tests set it long). */
  progressIntervalMs?: number;
}

/** Finished jobs kept so a late `cancelJob` still answers with their final status. */
const KEPT_JOBS = 20;

/**
 * The key browser's state for one session and db: the index, the running scan, folder
 * completions of a capped scan, the metadata cache, and throttled progress events.
 */
export class SessionKeys {
  index: KeyIndex;
  readonly meta = new MetaCache();
  #scan: KeyScanner | undefined;
  #request: ScanRequest | undefined;
  readonly #folderScans = new Map<string, KeyScanner>();
  /** Big folders being put in order after the scan (see folderPrep). */
  #prepared: Promise<void> | undefined;
  readonly #jobs = new Map<string, DeleteFolderJob>();
  readonly #notifier: ScanNotifier;
  /** Whether the running scan has pushed rows yet: its first rows go out at once. */
  #rowsPushed = false;

  constructor(
    readonly sessionId: string,
    public db: number,
    private readonly deps: SessionKeysDeps,
  ) {
    this.index = new KeyIndex(deps.browsing.keyDelimiter);
    this.#notifier = new ScanNotifier(
      (rowsChanged) => deps.emit({ sessionId, status: this.status(), rowsChanged, at: Date.now() }),
      deps.progressIntervalMs,
    );
  }

  status(): ScanStatus {
    const status = this.#scan?.status ?? { state: 'idle', keys: 0, dbSize: 0, calls: 0 };
    return { ...status, keys: this.index.size };
  }

  /** Replaces any running scan: clears the index (keeping expanded folders) and starts over. */
  async startScan(request: ScanRequest): Promise<ScanStatus> {
    this.#stopScans();
    this.index = new KeyIndex(this.deps.browsing.keyDelimiter, this.index.expandedPrefixes);
    this.meta.clear();
    this.#request = request;
    this.#rowsPushed = false;
    const { match, type, cap, maxCallsPerSecond } = request;
    const db = this.db;
    const scan: KeyScanner = new KeyScanner(
      () => this.deps.client(db),
      this.index,
      {
        match: match === undefined ? undefined : Buffer.from(match, 'utf8'),
        type,
        cap,
        maxCallsPerSecond,
        scanCount: this.deps.browsing.scanCount,
        readDbSize: true,
      },
      (rowsChanged, final) => {
        if (scan === this.#scan) this.#progress(rowsChanged, final);
      },
      { match, type, cap },
    );
    this.#scan = scan;
    const index = this.index;
    this.#prepared = scan.done.then(() => {
      const { state } = scan.status;
      if (scan === this.#scan && (state === 'complete' || state === 'capped'))
        return prepareBigFolders(index, () => index === this.index);
    });
    this.#notifier.notify(true);
    await scan.ready;
    return this.status();
  }

  cancelScan(): ScanStatus {
    this.#stopScans();
    this.#notifier.notify(false);
    this.#notifier.flush();
    return this.status();
  }

  /**
   * The session switched db: the index is dropped and, if a scan had been started, the new db
   * is scanned with the same request (the UI just refreshes on the event). Jobs keep running in
   * the db they were started in (they no longer touch this index).
   */
  dbChanged(db: number): void {
    this.db = db;
    this.#stopScans();
    this.#scan = undefined;
    this.index = new KeyIndex(this.deps.browsing.keyDelimiter);
    this.meta.clear();
    if (this.#request) void this.startScan(this.#request);
    else {
      this.#notifier.notify(true);
      this.#notifier.flush();
    }
  }

  /** The session closed: stop everything, push nothing more. */
  close(): void {
    this.#stopScans();
    this.#cancelJobs();
    this.#notifier.cancel();
  }

  /** Expands or collapses a folder; in a capped index, expanding scans that folder completely. */
  expand(prefix: string, expanded: boolean): { total: number } {
    this.index.setExpanded(prefix, expanded);
    if (expanded && this.#scan?.status.state === 'capped') this.#completeFolder(prefix);
    return { total: this.index.total('tree') };
  }

  /**
   * Whether the current search lists `key` (of `type`, when known): its MATCH pattern, and its
   * TYPE filter. A key found or written outside the search stays out of the index, so the
   * list and its count keep describing the same result.
   */
  lists(key: Buffer, type: string | undefined): boolean {
    const { match, type: only } = this.#request ?? {};
    if (only && type !== only) return false;
    return match === undefined || globMatch(Buffer.from(match, 'utf8').toString('latin1'), toLatin1(key));
  }

  /** The current search's TYPE filter, if any. */
  get typeFilter(): string | undefined {
    return this.#request?.type;
  }

  /** Rows changed outside a scan (delete, lookup): tell the UI. */
  changed(): void {
    this.#notifier.notify(true);
  }

  /** Resolves when the running scan, its folder preparation and folder completions have ended (tests, benchmarks). */
  async settled(): Promise<void> {
    await Promise.all([
      this.#scan?.done,
      this.#prepared,
      ...[...this.#folderScans.values()].map((s) => s.done),
      ...[...this.#jobs.values()].map((j) => j.done),
    ]);
  }

  /** The index and cache of `db`, if that is the db browsed now. */
  ofDb(db: number): SessionKeys | undefined {
    return db === this.db ? this : undefined;
  }

  /** Starts deleting every key under a folder prefix of `db` in the background; its first status. */
  deleteFolder(prefix: Buffer, db: number): KeyJobStatus {
    this.#pruneJobs();
    const job = new DeleteFolderJob({
      sessionId: this.sessionId,
      db,
      client: () => this.deps.client(db),
      target: { current: () => this.ofDb(db) },
      prefix,
      scanCount: this.deps.browsing.scanCount,
      clusterNode: this.deps.browsing.clusterNode,
      emit: this.deps.emitJob,
    });
    this.#jobs.set(job.status.jobId, job);
    return job.snapshot();
  }

  /** Stops a job after its current batch; NOT_FOUND for a job this session does not know. */
  cancelJob(jobId: string): KeyJobStatus {
    const job = this.#jobs.get(jobId);
    if (!job) throw new ApiFailure('NOT_FOUND', 'That job is not known (it may belong to a closed session).');
    return job.cancel();
  }

  /** The COUNT the running scan would use next. */
  get scanCount(): number | undefined {
    return this.#scan?.count;
  }

  #progress(rowsChanged: boolean, final: boolean): void {
    this.#notifier.notify(rowsChanged);
    // The first rows are what the user waits for: they do not wait for the next tick.
    const firstRows = rowsChanged && !this.#rowsPushed;
    if (rowsChanged) this.#rowsPushed = true;
    if (final || firstRows) this.#notifier.flush();
  }

  #completeFolder(prefix: string): void {
    if (this.#folderScans.has(prefix)) return;
    const index = this.index;
    const db = this.db;
    const match = this.#request?.match;
    const pattern = match === undefined ? undefined : Buffer.from(match, 'utf8').toString('latin1');
    const scan = new KeyScanner(
      () => this.deps.client(db),
      index,
      {
        match: prefixPattern(fromLatin1(prefix)),
        type: this.#request?.type,
        maxCallsPerSecond: this.#request?.maxCallsPerSecond,
        // The scoped scan can only narrow by prefix; the user's MATCH still applies.
        accept: pattern === undefined ? undefined : (key) => globMatch(pattern, key.toString('latin1')),
        scanCount: this.deps.browsing.scanCount,
        readDbSize: false,
      },
      (rowsChanged, final) => {
        if (index !== this.index) return;
        this.#notifier.notify(rowsChanged);
        if (final) this.#notifier.flush();
      },
    );
    this.#folderScans.set(prefix, scan);
    void scan.done.then(() => {
      if (this.#folderScans.get(prefix) === scan) this.#folderScans.delete(prefix);
    });
  }

  #cancelJobs(): void {
    for (const job of this.#jobs.values()) job.cancel();
  }

  #pruneJobs(): void {
    const finished = [...this.#jobs].filter(([, job]) => job.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEPT_JOBS + 1))) this.#jobs.delete(id);
  }

  #stopScans(): void {
    this.#scan?.cancel();
    for (const scan of this.#folderScans.values()) scan.cancel();
    this.#folderScans.clear();
  }
}
