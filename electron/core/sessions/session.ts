import Redis from 'ioredis';
import type { ConnectionOptions } from 'node:tls';
import type { ApiError } from '../../../shared/api/errors';
import type { Endpoint } from '../../../shared/api/profiles';
import type { SessionView } from '../../../shared/api/sessions';
import { ApiFailure } from '../api/apiFailure';
import { isClusterNode } from '../cluster/clusterNode';
import { mapError } from '../api/mapError';
import type { EventBus } from '../events/eventBus';
import type { ResolvedProfile } from '../profiles/resolvedProfile';
import { announcedBySentinels, describeNodeError, formatAddress, isInformative, toFailure } from '../redis/nodeErrors';
import { isFatal, ReconnectBudget, type ReconnectPolicy } from '../redis/reconnectPolicy';
import { sessionOptions } from '../redis/redisOptions';
import { discoverSentinels, pickDataNode } from './sentinelDiscovery';
import { sentinelRoundError } from './sentinelRound';
import { initialView, nextView, type SessionChange } from './sessionState';
import { explainConnectError } from '../redis/tlsDiagnosis';
import { loadTlsOptions } from '../redis/tlsOptions';
import { reconnectNow } from '../redis/reconnectNow';
import { SwitchListener } from './switchListener';
import { dbMissing, DbLanes, isDbOutOfRange } from './dbLanes';

/** How long after `+switch-master` a session insists on the announced master. */
const FOLLOW_WINDOW_MS = 5_000;
/** …asking the sentinels again this often meanwhile. */
const RECHECK_MASTER_MS = 100;

export interface KeyBrowsing {
  keyDelimiter: string;
  scanCount: number;
  /** The server is a Redis Cluster node: multi-key commands must stay within one slot. */
  clusterNode: boolean;
}

export interface SessionInit {
  id: string;
  profileId: string;
  profile: ResolvedProfile;
  events: EventBus;
  policy: ReconnectPolicy;
}

/**
 * One open session: a single ioredis client and the state machine the UI sees. ioredis does
 * the reconnecting (and, with Sentinel, follows the master); this class decides whether to
 * retry (`retryStrategy` hooks), and turns every change into a `session.state` event.
 */
export class Session {
  readonly id: string;
  readonly #profile: ResolvedProfile;
  readonly #events: EventBus;
  readonly #budget: ReconnectBudget;
  #view: SessionView;
  #client: Redis | undefined;
  #switches: SwitchListener | undefined;
  /** Connections pinned to the other databases the session has browsed (see dbLanes). */
  #lanes: DbLanes | undefined;
  /** Where the data node is before a socket says so: the profile's host, or Sentinel's answer. */
  #dataNode: Endpoint | undefined;
  #lastError: ApiError | undefined;
  #sentinelErrors: string[] = [];
  #dbError: ApiError | undefined;
  #everReady = false;
  #closing = false;
  #tls: ConnectionOptions | undefined;
  /** The server refused to SELECT the profile's db on a reconnect: nothing is sent any more. */
  #dbLost: ApiFailure | undefined;
  /** The next reconnect attempt waits this long instead of the back-off (see followMaster). */
  #hurry: number | undefined;
  /** Where the sentinels say the master now is, until that deadline (see followMaster). */
  #expected: { address: string; until: number } | undefined;

  constructor(init: SessionInit) {
    this.id = init.id;
    this.#profile = init.profile;
    this.#events = init.events;
    this.#budget = new ReconnectBudget(init.policy);
    this.#view = initialView(init.id, init.profileId, init.profile);
    if (init.profile.kind === 'standalone') this.#dataNode = init.profile;
  }

  get view(): SessionView {
    return this.#view;
  }

  /** The Sentinel master name the session follows (undefined for a standalone server). */
  get masterName(): string | undefined {
    return this.#profile.kind === 'sentinel' ? this.#profile.masterName : undefined;
  }

  /** How the key browser groups and scans this session's keys (from the profile). */
  get keyBrowsing(): KeyBrowsing {
    const { keyDelimiter, scanCount } = this.#profile;
    return { keyDelimiter, scanCount, clusterNode: !!this.#view.clusterNode };
  }

  /**
   * The session's own connection. It stays in the profile's db for its whole life (nothing
   * sends SELECT on it): key and value features use `dbClient`, which names its db.
   */
  get client(): Redis {
    if (!this.#client) throw new ApiFailure('CONNECTION_LOST', 'The session is still connecting.');
    if (this.#dbLost) throw this.#dbLost;
    if (this.#view.noMaster && this.#view.state === 'reconnecting' && this.#profile.kind === 'sentinel') {
      throw new ApiFailure(
        'NO_MASTER',
        `No master for "${this.#profile.masterName}" right now (it is down or a failover is running). Nothing was sent; retry once the session is ready again.`,
      );
    }
    return this.#client;
  }

  /**
   * A connection whose commands run in `db` and nowhere else: the session's own for the
   * profile's db, else a lane pinned to `db`. Refused like `client` while there is no master.
   */
  async dbClient(db: number): Promise<Redis> {
    const main = this.client;
    if (db === this.#profile.db) return main;
    if (main.status !== 'ready') {
      // Like the session's own commands while it reconnects: refused at once, never queued.
      throw new ApiFailure('CONNECTION_LOST', `The session is reconnecting to ${this.#address()}; nothing was sent.`);
    }
    this.#lanes ??= this.#createLanes();
    return this.#lanes.get(db, this.#view.db);
  }

  /**
   * The sentinels announced `address` as the new master (`+switch-master`): reconnect now
   * instead of after the back-off, and for a few seconds refuse to settle on another node — a
   * sentinel that has not switched yet would send us back to the demoted master. (From the
   * session's own SwitchListener, and from a topology watcher of the same profile.)
   */
  followMaster(address: string): void {
    const client = this.#client;
    if (this.#profile.kind !== 'sentinel' || !client || this.#closing || !this.#everReady) return;
    const master = this.#profile.role === 'master';
    if (master) this.#expected = { address, until: Date.now() + FOLLOW_WINDOW_MS };
    this.#followWithLanes(address);
    if (client.status === 'ready') {
      // A master session moves unless it is there already; a replica session only when the
      // replica it browses is the one just promoted.
      if (master === (this.#view.address === address)) return;
      this.#hurry = 0;
      client.disconnect(true);
      return;
    }
    this.#hurry = reconnectNow(client) ? undefined : 0;
  }

  /** Lanes follow the master like the session's own connection (see followMaster). */
  #followWithLanes(address: string): void {
    const master = this.#profile.kind === 'sentinel' && this.#profile.role === 'master';
    for (const lane of this.#lanes?.clients() ?? []) {
      if (lane.status !== 'ready') reconnectNow(lane);
      else if (master !== (this.#clientAddress(lane) === address)) lane.disconnect(true);
    }
  }

  /** Resolves once the session is ready; rejects with the precise error (state failed) if not. */
  async open(): Promise<SessionView> {
    this.#change({ state: 'connecting' });
    try {
      const tls = await loadTlsOptions(this.#profile.tls);
      this.#tls = tls;
      if (this.#profile.kind === 'sentinel') {
        // Ask the sentinels ourselves first: ioredis only says "all sentinels are unreachable",
        // this says wrong sentinel password, unknown master name, no healthy replica…
        this.#dataNode = pickDataNode(this.#profile, await discoverSentinels(this.#profile, tls));
      }
      if (this.#closing) throw new ApiFailure('CONNECTION_LOST', 'The session was closed while connecting.');
      await this.#firstConnect(this.#createClient(tls), !!tls);
      if (this.#profile.kind === 'sentinel') {
        const name = `redlens:${this.id}:failover`;
        this.#switches = new SwitchListener(this.#profile, tls, name, (to) => this.followMaster(to));
      }
    } catch (e) {
      this.#client?.disconnect();
      const error = mapError(e);
      if (!this.#closing) this.#change({ state: 'failed', error });
      throw toFailure(error);
    }
    // Until Cluster support: say when a "standalone" server is one node of a cluster.
    const clusterNode = this.#profile.kind === 'standalone' && (await isClusterNode(this.#client!));
    this.#everReady = true;
    this.#change({ state: 'ready', address: this.#address(), clusterNode });
    return this.#view;
  }

  /** Closes the data connection and the sentinel subscriptions (SwitchListener). */
  close(): void {
    if (this.#closing) return;
    this.#closing = true;
    this.#client?.disconnect();
    this.#lanes?.close();
    this.#switches?.close();
    this.#change({ state: 'closed' });
  }

  /** The db the UI browses now (its lane exists and answered). */
  dbSelected(db: number): void {
    this.#change({ state: 'db', db });
  }

  #createLanes(): DbLanes {
    const profile = this.#profile;
    const retry = (times: number) =>
      this.#closing || this.#view.state === 'failed' ? null : Math.min(times * 100, 1_000);
    return new DbLanes({
      create: (db) =>
        new Redis({
          ...sessionOptions(profile, this.#tls, {
            connectionName: `redlens:${this.id}:db${db}`,
            retryStrategy: retry,
            sentinelRetryStrategy: retry,
          }),
          db,
        }),
      onReady: (lane) => {
        const expected = this.#expected;
        if (expected && Date.now() < expected.until && this.#clientAddress(lane) !== expected.address) {
          lane.disconnect(true);
        }
      },
      connectTimeoutMs: profile.connectTimeoutMs * (profile.kind === 'sentinel' ? 2 : 1) + 250,
    });
  }

  #createClient(tls: ConnectionOptions | undefined): Redis {
    const profile = this.#profile;
    const client = new Redis(
      sessionOptions(profile, tls, {
        connectionName: `redlens:${this.id}`,
        retryStrategy: () => this.#retry(isFatal(this.#lastError)),
        sentinelRetryStrategy: () => {
          if (profile.kind !== 'sentinel') return null;
          // ioredis does not rewind its sentinel list after a successful connect, so a round can
          // start mid-list: one that ends before every sentinel failed says nothing. Start over.
          if (this.#everReady && !this.#closing && this.#sentinelErrors.length < profile.sentinels.length) {
            this.#sentinelErrors = [];
            return 0;
          }
          const round = sentinelRoundError(this.#sentinelErrors.splice(0), profile);
          this.#lastError = round.error;
          return this.#retry(round.fatal, true);
        },
      }),
    );
    client.on('error', (e: unknown) => this.#onError(e));
    client.on('sentinelError', (e: Error) => this.#sentinelErrors.push(e.message));
    client.on('connect', () => {
      this.#lastError = undefined;
    });
    client.on('ready', () => this.#onReady());
    client.on('end', () => this.#onEnd());
    this.#client = client;
    return client;
  }

  async #firstConnect(client: Redis, tls: boolean): Promise<void> {
    const { connectTimeoutMs, kind } = this.#profile;
    // In Sentinel mode ioredis asks a sentinel before it connects to the data node.
    const timeoutMs = connectTimeoutMs * (kind === 'sentinel' ? 2 : 1) + 250;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      const message = `No answer from ${this.#address()} within ${(timeoutMs / 1000).toFixed(1)} s. The server may be down, paused or behind a firewall.`;
      timer = setTimeout(() => reject(new ApiFailure('TIMEOUT', message)), timeoutMs);
    });
    try {
      await Promise.race([client.connect(), deadline]);
    } catch (e) {
      let error = e instanceof ApiFailure ? e.toApiError() : (this.#lastError ?? mapError(e, this.#address()));
      if (this.#dataNode) error = await explainConnectError(error, this.#dataNode, tls);
      if (this.#profile.kind === 'sentinel') {
        error = announcedBySentinels(error, this.#profile.masterName, this.#profile.role);
      }
      throw toFailure(error);
    } finally {
      clearTimeout(timer);
    }
    if (this.#dbError) throw toFailure(this.#dbError);
  }

  /** The retry decision: a delay (and a `reconnecting` event), or null to stop. */
  #retry(fatal: boolean, sentinelRound = false): number | null {
    if (this.#closing || !this.#everReady || fatal) return null;
    const delay = this.#budget.next();
    if (delay === null) return null;
    const attempt = this.#budget.attempt;
    // Lost the master, and then could not reach it (or no sentinel named one): "no master".
    const noMaster =
      this.#profile.kind === 'sentinel' && this.#profile.role === 'master' && (attempt > 1 || sentinelRound);
    this.#change({ state: 'reconnecting', attempt, error: this.#lastError ?? this.#lost(), noMaster });
    const hurry = this.#hurry;
    this.#hurry = undefined;
    return hurry ?? delay;
  }

  #onError(e: unknown): void {
    if (!isInformative(e)) return;
    const message = (e as Error).message;
    if (isDbOutOfRange(e) && this.#everReady) {
      // A reconnect could not select the profile's db (the server came back with fewer
      // databases): this connection is in another db now. Stop before anything is sent.
      this.#dbLost = dbMissing(this.#profile.db, message);
      this.#change({ state: 'failed', error: this.#dbLost.toApiError() });
      this.#client?.disconnect();
      this.#lanes?.close();
      return;
    }
    if (isDbOutOfRange(e)) {
      this.#dbError = {
        code: 'VALIDATION_FAILED',
        message: `Database ${this.#profile.db} does not exist on ${this.#address()}: ${message}`,
      };
      return;
    }
    const role = this.#profile.kind === 'sentinel' ? 'data' : 'standalone';
    this.#lastError = describeNodeError(e, this.#address(e), role);
  }

  #onReady(): void {
    if (!this.#everReady || this.#closing) return; // the first ready is open()'s
    const expected = this.#expected;
    if (expected && Date.now() < expected.until && this.#address() !== expected.address) {
      // A sentinel that has not switched yet sent us to the old master: ask again, at once.
      this.#hurry = RECHECK_MASTER_MS;
      this.#client?.disconnect(true);
      return;
    }
    this.#expected = undefined;
    this.#budget.reset();
    this.#lastError = undefined;
    this.#change({ state: 'ready', address: this.#address() });
  }

  #onEnd(): void {
    if (!this.#everReady || this.#closing || this.#dbLost) return;
    const last = this.#lastError ?? this.#lost();
    const error = isFatal(last)
      ? last
      : {
          ...last,
          message: `Gave up reconnecting after ${this.#budget.downSeconds()} s (${this.#budget.attempt} attempts). Last error: ${last.message}`,
        };
    this.#change({ state: 'failed', error });
    this.#client?.disconnect();
    this.#lanes?.close();
    this.#switches?.close();
  }

  /** A drop without an error event (the server closed it, or a failover was detected). */
  #lost(): ApiError {
    return mapError(new Error('Connection is closed.'), this.#address());
  }

  #clientAddress(client: Redis): string | undefined {
    const { remoteAddress, remotePort } = client.stream ?? {};
    return remoteAddress && remotePort ? formatAddress(remoteAddress, remotePort) : undefined;
  }

  /** `host:port` of the data node: the live socket's peer, else the best we know. */
  #address(e?: unknown): string {
    const stream = this.#client?.stream;
    if (this.#profile.kind === 'standalone') return formatAddress(this.#profile.host, this.#profile.port);
    if (stream?.remoteAddress && stream.remotePort) return formatAddress(stream.remoteAddress, stream.remotePort);
    const sys = e as { address?: string; port?: number } | undefined;
    if (sys?.address && sys.port) return formatAddress(sys.address, sys.port);
    return this.#dataNode ? formatAddress(this.#dataNode.host, this.#dataNode.port) : this.#profile.masterName;
  }

  #change(change: SessionChange): void {
    this.#view = nextView(this.#view, change);
    this.#events.emit('session.state', { session: this.#view, at: Date.now() });
  }
}
