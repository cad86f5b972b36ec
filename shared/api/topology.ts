// CONTRACT READY
/**
 * Live Sentinel topology: what core's watcher knows about one monitored master (discovery +
 * pub/sub events + polling), the failover timeline, and the banners (alerts) derived in core.
 * Addresses are `host:port` strings; times are milliseconds since the epoch, core's clock.
 */
import type { ApiError } from './errors';
import type { FailoverBlocked, FailoverReason, TopologyAlertMessage } from './topologyMessages';

export type { FailoverBlocked, FailoverReason, TopologyAlertMessage } from './topologyMessages';

/** Flags a sentinel reports for an instance (`SENTINEL MASTER|REPLICAS|SENTINELS` `flags`). */
export interface InstanceFlags {
  /** Subjectively down: this sentinel cannot reach it. */
  sDown: boolean;
  /** Objectively down: a quorum of sentinels agrees (masters only). */
  oDown: boolean;
  disconnected: boolean;
  failoverInProgress: boolean;
  /** A replica promoted by the running failover. */
  promoted: boolean;
  /** The raw flags, e.g. `["master", "s_down", "o_down"]`. */
  raw: string[];
}

/** One entry of `SENTINEL MASTERS`: every master the sentinels monitor (for the selector). */
export interface MonitoredMaster {
  name: string;
  address: string;
  flags: InstanceFlags;
  quorum: number;
  /** `num-slaves` and `num-other-sentinels + 1`. */
  replicas: number;
  sentinels: number;
}

/** What `INFO replication` says on a data node, when we could ask it. */
export interface NodeReplication {
  role: 'master' | 'replica';
  /** For a replica: the master it follows (`master_host:master_port`). */
  masterAddress?: string;
  /** For a replica: `master_link_status`. */
  linkStatus?: 'up' | 'down';
  /** `master_repl_offset` (master) or `slave_repl_offset` (replica). */
  offset: number;
  /** For a master: `connected_slaves`. */
  connectedReplicas?: number;
}

export interface MasterNode {
  name: string;
  /** Where the sentinels (majority) say the master is; null when none knows. */
  address: string | null;
  flags: InstanceFlags;
  /** Sentinels (addresses) that currently flag the master s_down: "2 of 3 agree". */
  sDownBy: string[];
  quorum: number;
  configEpoch: number;
  /** Sentinel's `failover-state` while a failover runs (e.g. `wait_promotion`). */
  failoverState?: string;
  downAfterMs: number;
  failoverTimeoutMs: number;
  parallelSyncs: number;
  /** We could connect and run INFO on it. */
  reachable: boolean;
  replication?: NodeReplication;
  /** Why it is unreachable (our own connection attempt). */
  error?: string;
}

export interface ReplicaNode {
  address: string;
  flags: InstanceFlags;
  /** From Sentinel: `master-link-status` (`ok` → up, `err` → down). */
  sentinelLinkStatus: 'up' | 'down' | 'unknown';
  reachable: boolean;
  replication?: NodeReplication;
  /** Master offset − replica offset, when both are known (bytes, ≥ 0). */
  lagBytes?: number;
  /** Seconds since the replica last heard from its master (`master_last_io_seconds_ago`). */
  lagSeconds?: number;
  /** `slave-priority` (0 = never promoted). */
  priority?: number;
  error?: string;
}

export interface SentinelNode {
  address: string;
  runId?: string;
  /** We can talk to it (command connection answers). */
  reachable: boolean;
  /** Our event subscription (`PSUBSCRIBE *`) on it is live. */
  subscribed: boolean;
  /** Flags other sentinels report for it (e.g. `s_down`); empty when nobody reported. */
  flags: string[];
  /** Its own `GET-MASTER-ADDR-BY-NAME` answer; null when unreachable or it does not know the name. */
  masterAddress: string | null;
  /** Its view of the master agrees with the snapshot's master address. */
  agrees: boolean;
  /** It leads the running failover (`+elected-leader` / `leader` of `SENTINEL MASTER`). */
  leader: boolean;
  /** Listed in the profile (otherwise discovered through `SENTINEL SENTINELS` / `+sentinel`). */
  configured: boolean;
  error?: string;
}

/**
 * `healthy`: master up, replicas linked, sentinels reachable; `degraded`: something is down
 * but the master works; `no-failover`: the master works but, should it fail, no failover could
 * happen (see `failoverBlocked`); `master-down`: s_down/o_down, no failover running;
 * `failover`: one runs; `no-master`: sentinels know no reachable master; `unreachable`: no
 * sentinel answers.
 */
export type TopologyHealth =
  'healthy' | 'degraded' | 'no-failover' | 'master-down' | 'failover' | 'no-master' | 'unreachable';

export interface TopologySnapshot {
  watchId: string;
  profileId: string;
  /** The data session whose connection states feed the connection-level alerts, if any. */
  sessionId?: string;
  /** The profile is read-only: do not offer "Trigger failover" (core refuses it: READ_ONLY). */
  readOnly: boolean;
  masterName: string;
  /** Every master the sentinels monitor. */
  masters: MonitoredMaster[];
  /** Null when no sentinel monitors `masterName` (see `error`). */
  master: MasterNode | null;
  replicas: ReplicaNode[];
  sentinels: SentinelNode[];
  /** Sentinels needed for a failover: a majority of all those known. */
  majority: number;
  /** The failover running now, if any (details in the timeline). */
  failover: { id: string; leader?: string; selectedReplica?: string; phase: FailoverPhase } | null;
  health: TopologyHealth;
  /** Set while no failover could happen, even with the master up (see FailoverBlocked). */
  failoverBlocked?: FailoverBlocked;
  /** Banners currently shown (newest last, bounded); the UI can start from these. */
  alerts: TopologyAlert[];
  /** Why discovery failed (no sentinel reachable, unknown master…). */
  error?: ApiError;
  /** Grows with every change; a snapshot event with a lower revision is stale. */
  revision: number;
  updatedAt: number;
}

export type InstanceRole = 'master' | 'replica' | 'sentinel';

/**
 * One sentinel event (`+sdown`, `+switch-master`…), parsed and de-duplicated: when another
 * sentinel publishes the same event, it is pushed again with the same `id` and a longer
 * `reportedBy` (replace it in place).
 */
export interface TopologyEvent {
  id: string;
  watchId: string;
  /** The pub/sub channel, e.g. `+sdown` or `-failover-abort-no-good-slave`. */
  channel: string;
  /** The message as published. */
  message: string;
  /** `channel` (kept for readability: the event type). */
  type: string;
  /** The instance the event is about (absent for `+switch-master`, `+tilt`…). */
  instance?: { role: InstanceRole; name: string; address: string };
  /** The master it concerns. */
  master?: { name: string; address: string };
  /** `+switch-master`: the old and new master. */
  switch?: { from: string; to: string };
  /** `+new-epoch`, `+try-failover`, `+vote-for-leader`… */
  epoch?: number;
  /** `+vote-for-leader` / `+elected-leader`: the run id voted for. */
  leaderRunId?: string;
  /** Sentinels that published it (address), de-duplicated into this one event. */
  reportedBy: string[];
  /** When the first sentinel's message arrived. */
  at: number;
  /** The failover (timeline group) it belongs to. */
  failoverId?: string;
}

/** The phases of a failover, in order (sdown and odown only when the master went down). */
export const FAILOVER_PHASES = [
  'sdown',
  'odown',
  'try-failover',
  'leader-elected',
  'selected-replica',
  'promoted',
  'switch-master',
  'replicas-reconfigured',
  'end',
] as const;
export type FailoverPhase = (typeof FAILOVER_PHASES)[number];

/**
 * `in-progress`; `completed` (switch-master seen); `aborted` (`-failover-abort-*`, see
 * `reason`); `timeout` (`+failover-end-for-timeout`, or no progress within failover-timeout);
 * `no-quorum` (the master stays down and no failover can start — see `reason`);
 * `recovered` (the master came back, `-sdown`, before any failover).
 */
export type FailoverOutcome = 'in-progress' | 'completed' | 'aborted' | 'timeout' | 'no-quorum' | 'recovered';

export interface FailoverPhaseMark {
  phase: FailoverPhase;
  at: number;
  /** Milliseconds since the previous phase (0 for the first). */
  sincePreviousMs: number;
}

/** A failover attempt Sentinel gave up (`-failover-abort-*`) while the master stayed down. */
export interface FailoverAttempt {
  epoch?: number;
  /** When it started (`+try-failover`) and was given up. */
  at: number;
  endedAt?: number;
  reason?: FailoverReason;
}

/** One incident on the timeline: a master outage and/or failover, its phases and outcome. */
export interface FailoverRecord {
  id: string;
  masterName: string;
  /** Started by `SENTINEL FAILOVER` (no sdown/odown) rather than by the master going down. */
  manual: boolean;
  epoch?: number;
  /** The master when it started, and the new one once switched. */
  from: string;
  to?: string;
  /** Leader sentinel (address when known, else run id) and the replica it selected. */
  leader?: string;
  selectedReplica?: string;
  phases: FailoverPhaseMark[];
  /**
   * Attempts Sentinel gave up before the one `phases` shows, the master staying down meanwhile:
   * Sentinel tried again, in a new epoch, within the same outage — the same incident.
   */
  attempts?: FailoverAttempt[];
  outcome: FailoverOutcome;
  /** For `aborted` / `no-quorum` / `timeout` / `recovered` (and a switch seen by polling): why, as a code. */
  reason?: FailoverReason;
  startedAt: number;
  endedAt?: number;
  /** From the first phase to switch-master (what "failover took N s" says). */
  durationMs?: number;
  /**
   * How long the watched profile's data sessions could not write around this incident: from
   * losing the master to being ready on a master again (the longest, when several sessions).
   * Usually longer than `durationMs`: it adds noticing the loss and reconnecting.
   */
  writesBlockedMs?: number;
  /** Ids of the events in this group, in order (bounded). */
  eventIds: string[];
}

export interface TopologyTimeline {
  watchId: string;
  masterName: string;
  /** Oldest first; the last `TIMELINE_LIMITS.failovers` only. */
  failovers: FailoverRecord[];
  /** Oldest first; the last `TIMELINE_LIMITS.events` only. */
  events: TopologyEvent[];
  /** Events dropped from the front to keep memory bounded. */
  droppedEvents: number;
}

export const TIMELINE_LIMITS = { failovers: 100, events: 2_000, alerts: 50 } as const;

export type TopologyAlertKind =
  | 'master-sdown'
  | 'master-odown'
  | 'master-up'
  | 'failover-started'
  | 'failover-progress'
  | 'failover-completed'
  | 'failover-aborted'
  | 'no-failover'
  | 'failover-impossible'
  | 'failover-possible'
  | 'replica-down'
  | 'replica-up'
  | 'sentinel-down'
  | 'sentinel-up'
  | 'tilt'
  | 'connection-lost'
  | 'no-master'
  | 'reconnected';

export type AlertSeverity = 'info' | 'success' | 'warning' | 'error';

/**
 * A banner, derived in core from events, polling and the data session. Banners with the same
 * `key` are one banner: a newer alert replaces the older in place. Keys: `incident:<failoverId>`
 * (master s_down → o_down → failover started → in progress → new master / aborted / no
 * failover possible / master back), `replica:<addr>`, `sentinel:<addr>` (down → up),
 * `session:<sessionId>` (connection lost → no master → reconnected), `tilt:<sentinel>`,
 * `quorum:<masterName>` (failover impossible → possible again).
 */
export interface TopologyAlert {
  id: string;
  watchId: string;
  key: string;
  kind: TopologyAlertKind;
  severity: AlertSeverity;
  /**
   * What it says, as a code and its facts (the renderer words it, e.g. `failover-completed` →
   * "New master: 127.0.0.1:6380 (was 127.0.0.1:6379) — failover took 4.2 s.").
   */
  message: TopologyAlertMessage;
  at: number;
  masterName: string;
  failoverId?: string;
  /** The node it is about, when one. */
  address?: string;
  /** Alerts that report an end state (up again, completed) can be auto-dismissed by the UI. */
  transient: boolean;
}

export interface FailoverRequested {
  masterName: string;
  /** The sentinel that accepted `SENTINEL FAILOVER`. */
  sentinel: string;
  at: number;
}

export interface TimelineExport {
  /** Suggested file name, e.g. `redlens-timeline-mymaster-2024-05-01T10-00-00.json`. */
  fileName: string;
  json: string;
}
