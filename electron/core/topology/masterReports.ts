/**
 * What the sentinels have told the failover tracker about the master, beyond the incidents:
 * who sees it down, the epochs, where it is, and when anything last changed.
 */
export class MasterReports {
  /** Sentinels that published `+sdown` for the master and not `-sdown` yet. */
  readonly sDownBy = new Set<string>();
  /** Sentinels that published `-sdown` for the master during the current (or last) outage. */
  readonly upBy = new Set<string>();
  /** The epoch when the last outage recovered. */
  recoveredEpoch: number | undefined;
  lastEpoch: number | undefined;
  /** The master's config epoch the sentinels agreed on at the last poll (the last switch's). */
  configEpoch: number | undefined;
  /** `SENTINEL FAILOVER` is being sent: the next failover is a manual one. */
  manualRequested = false;
  /** When the sentinels last reported the master back up (no sentinel flags it s_down). */
  masterBackAt = 0;
  knownMaster: string | null = null;
  /** When the last event arrived: a poll that started before it is stale. */
  changedAt = 0;

  /** The epoch a switch happening now belongs to: the newest the deployment has told us. */
  seeEpoch(epoch: number | undefined): void {
    if (epoch !== undefined && (this.lastEpoch === undefined || epoch > this.lastEpoch)) this.lastEpoch = epoch;
  }

  /**
   * Among `reporters` of the master down is a sentinel that had not reported it back up, in the
   * epoch it recovered in: it noticed the last outage late, rather than a new one.
   */
  lagging(reporters: readonly string[]): boolean {
    return reporters.some((r) => !this.upBy.has(r)) && this.recoveredEpoch === this.lastEpoch;
  }
}
