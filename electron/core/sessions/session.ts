import type Redis from 'ioredis';
import type { ConnectionOptions } from 'node:tls';
import type { ApiError } from '../../../shared/api/errors';
import type { Endpoint } from '../../../shared/api/profiles';
import type { SessionView } from '../../../shared/api/sessions';
import { ApiFailure } from '../api/apiFailure';
import { isClusterNode } from '../cluster/clusterNode';
import { mapError } from '../api/mapError';
import type { EventBus } from '../events/eventBus';
import type { ResolvedProfile } from '../profiles/resolvedProfile';
import { describeNodeError, isInformative, toFailure } from '../redis/nodeErrors';
import { isFatal, ReconnectBudget, type ReconnectPolicy } from '../redis/reconnectPolicy';
import { sessionOptions } from '../redis/redisOptions';
import { redisWithStallTimeout } from '../redis/stallTimeout';
import { loadTlsOptions } from '../redis/tlsOptions';
import { dbMissing, isDbOutOfRange, type DbLanes } from './dbLanes';
import { connectFirstTime } from './firstConnect';
import { MasterFollower } from './masterFollower';
import { discoverSentinels, pickDataNode } from './sentinelDiscovery';
import { SentinelRoundLog } from './sentinelRound';
import { clientAddress, dataNodeAddress } from './sessionAddress';
import { createSessionLanes } from './sessionLanes';
import { initialView, nextView, type SessionChange } from './sessionState';
import { SwitchListener } from './switchListener';

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
  /** Sentinel mode: the `sentinelError`s of the lookup round in progress. */
  readonly #sentinelRounds: SentinelRoundLog | undefined;
  #dbError: ApiError | undefined;
  #everReady = false;
  #closing = false;
  #tls: ConnectionOptions | undefined;
  /** The server refused to SELECT the profile's db on a reconnect: nothing is sent any more. */
  #dbLost: ApiFailure | undefined;
  /** Where the sentinels say the master now is, and how soon to reconnect (see followMaster). */
  readonly #follower: MasterFollower;

  constructor(init: SessionInit) {
    this.id = init.id;
    this.#profile = init.profile;
    this.#events = init.events;
    this.#budget = new ReconnectBudget(init.policy);
    this.#view = initialView(init.id, init.profileId, init.profile);
    if (init.profile.kind === 'standalone') this.#dataNode = init.profile;
    else this.#sentinelRounds = new SentinelRoundLog(init.profile);
    this.#follower = new MasterFollower(init.profile.kind === 'sentinel' && init.profile.role === 'master');
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
    this.#lanes ??= createSessionLanes({
      sessionId: this.id,
      profile: this.#profile,
      tls: this.#tls,
      stopped: () => this.#closing || this.#view.state === 'failed',
      // A lane that reached another node than the one just announced asks the sentinels again.
      onReady: (lane) => {
        if (this.#follower.offTarget(clientAddress(lane))) lane.disconnect(true);
      },
    });
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
    this.#follower.follow(address, client, this.#view.address, this.#lanes?.clients() ?? [], clientAddress);
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
      await connectFirstTime({
        client: this.#createClient(tls),
        profile: this.#profile,
        tls: !!tls,
        dataNode: this.#dataNode,
        address: () => this.#address(),
        lastError: () => this.#lastError,
      });
      if (this.#dbError) throw toFailure(this.#dbError);
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

  #createClient(tls: ConnectionOptions | undefined): Redis {
    const profile = this.#profile;
    const client = redisWithStallTimeout(
      sessionOptions(profile, tls, {
        connectionName: `redlens:${this.id}`,
        retryStrategy: () => this.#retry(isFatal(this.#lastError)),
        sentinelRetryStrategy: () => {
          const rounds = this.#sentinelRounds;
          if (!rounds) return null;
          const round = rounds.end(this.#everReady && !this.#closing);
          if (!round) return 0; // a round that says nothing: start it over
          this.#lastError = round.error;
          return this.#retry(round.fatal, true);
        },
      }),
    );
    client.on('error', (e: unknown) => this.#onError(e));
    client.on('sentinelError', (e: Error) => this.#sentinelRounds?.add(e.message));
    client.on('connect', () => {
      this.#lastError = undefined;
    });
    client.on('ready', () => this.#onReady());
    client.on('end', () => this.#onEnd());
    this.#client = client;
    return client;
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
    return this.#follower.takeHurry() ?? delay;
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
    if (this.#follower.offTarget(this.#address())) {
      // A sentinel that has not switched yet sent us to the old master: ask again, at once.
      this.#follower.recheckSoon();
      this.#client?.disconnect(true);
      return;
    }
    this.#follower.settled();
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

  /** `host:port` of the data node: the live socket's peer, else the best we know. */
  #address(e?: unknown): string {
    return dataNodeAddress(this.#profile, this.#client, this.#dataNode, e);
  }

  #change(change: SessionChange): void {
    this.#view = nextView(this.#view, change);
    this.#events.emit('session.state', { session: this.#view, at: Date.now() });
  }
}
