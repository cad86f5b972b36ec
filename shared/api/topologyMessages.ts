/**
 * What the topology banners and the failover timeline say, as codes and their facts: core
 * decides which message applies, the renderer words it (`renderer/src/topology/alertText.ts`).
 * Addresses are `host:port`; durations are milliseconds. Never rename a code, only add.
 */

/**
 * Why no failover could happen now, checked on every poll before it is needed:
 * `noquorum` — every sentinel that answered `SENTINEL CKQUORUM` says NOQUORUM (too few usable
 * sentinels for the quorum or for a majority); `majority-unreachable` — fewer than a majority
 * of the known sentinels answer Redlens.
 */
export interface FailoverBlocked {
  code: 'noquorum' | 'majority-unreachable';
  /** Usable sentinels as counted by CKQUORUM (the lowest count answered), when it said. */
  usable?: number;
  /** Sentinels answering Redlens, of `sentinels` known; `majority` of them are needed. */
  reachable: number;
  sentinels: number;
  majority: number;
  quorum?: number;
}

/** Why an incident ended as it did, or why no failover can happen (`FailoverRecord.reason`). */
export type FailoverReason =
  /** `-failover-abort-not-elected`: the sentinels could not reach a majority of votes. */
  | { code: 'abort-not-elected' }
  /** `-failover-abort-no-good-slave`: no replica is fit to be promoted. */
  | { code: 'abort-no-good-replica' }
  /** `-failover-abort-slave-timeout`: the selected replica did not turn into a master in time. */
  | { code: 'abort-replica-timeout' }
  /** `-failover-abort-master-is-back`. */
  | { code: 'abort-master-back' }
  /** Another `-failover-abort-*` channel (`channel` as published). */
  | { code: 'abort-other'; channel: string }
  /** `+failover-end-for-timeout`: not every replica was reconfigured within the failover timeout. */
  | { code: 'reconfig-timeout' }
  /** No progress within the failover timeout, and no new master. */
  | { code: 'no-new-master' }
  /** The master moved and no `+switch-master` reached us: a poll saw it. */
  | { code: 'switch-seen-by-polling' }
  /** The master came back after `downForMs`; `noFailover`: why no failover was possible meanwhile. */
  | { code: 'came-back'; downForMs: number; noFailover?: FailoverReason }
  /** The quorum is larger than the number of sentinels: o_down can never be reached. */
  | { code: 'quorum-above-sentinels'; quorum: number; sentinels: number }
  /** Fewer sentinels are up than a majority: no leader can be elected. */
  | { code: 'majority-down'; up: number; sentinels: number; majority: number }
  /** Past every sentinel's down-after-milliseconds, fewer than the quorum see the master down. */
  | { code: 'too-few-agree'; down: number; quorum: number };

/** A banner's message (`TopologyAlert.message`): one code per sentence, with its facts. */
export type TopologyAlertMessage =
  // The incident banner (key `incident:<failoverId>`), as the incident evolves.
  | { code: 'master-sdown'; master: string; sDownCount: number; sentinels: number; quorum: number }
  | { code: 'master-odown'; master: string; quorum: number }
  /** Sentinel gave its failover up (`gaveUp`, when it said why) and will try again. */
  | { code: 'master-still-down'; master: string; gaveUp?: FailoverReason }
  | { code: 'failover-started'; masterName: string; manual: boolean; leader?: string; epoch?: number }
  /** `promoted`: the replica was promoted, clients are being switched over. */
  | { code: 'failover-progress'; masterName: string; leader?: string; selectedReplica?: string; promoted: boolean }
  /** `writesBlockedMs`: how long this profile's sessions could not write; `abortedAttempts` before this one. */
  | {
      code: 'failover-completed';
      from: string;
      to: string;
      durationMs?: number;
      writesBlockedMs?: number;
      abortedAttempts: number;
    }
  | { code: 'failover-aborted'; masterName: string; reason?: FailoverReason }
  | { code: 'failover-timeout'; masterName: string; reason?: FailoverReason }
  | { code: 'no-failover'; master: string; sDownCount: number; sentinels: number; reason?: FailoverReason }
  | { code: 'master-back'; master: string; reason?: FailoverReason }
  // Failover possible or not, asked before it is needed (key `quorum:<masterName>`).
  | { code: 'failover-impossible'; masterName: string; blocked: FailoverBlocked }
  | { code: 'failover-possible'; masterName: string }
  // Nodes (keys `replica:<addr>`, `sentinel:<addr>`, `tilt:<sentinel>`).
  | { code: 'replica-down'; address: string; formerMaster: boolean }
  | { code: 'replica-up'; address: string; formerMaster: boolean }
  /** `seenBy`: the other sentinels flag it s_down, or Redlens cannot reach it (`error`: why). */
  | { code: 'sentinel-down'; address: string; seenBy: 'sentinels' | 'redlens'; error?: string }
  | { code: 'sentinel-up'; address: string }
  | { code: 'tilt-entered'; sentinel: string }
  | { code: 'tilt-left'; sentinel: string }
  // The profile's data session (key `session:<sessionId>`); `node`: what the session browses.
  | { code: 'connection-lost'; node: 'master' | 'replica'; address?: string }
  /** `error`: the session's error message, when it has one. */
  | { code: 'connection-failed'; masterName: string; replica: boolean; error?: string }
  /** `noFailover`: the sentinels cannot fail over, so writes wait for the master itself. */
  | { code: 'no-master'; masterName: string; noFailover: boolean }
  /** `newMaster`: the session moved to another master. */
  | { code: 'reconnected'; node: 'master' | 'replica'; address?: string; newMaster: boolean };

export type TopologyAlertCode = TopologyAlertMessage['code'];
export type FailoverReasonCode = FailoverReason['code'];
