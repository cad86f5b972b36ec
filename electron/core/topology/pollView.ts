/** What a poll says about the master, for the parts of the timeline that events may have missed. */
export interface PollView {
  /** When the poll started: only later changes can be judged by it. */
  polledAt: number;
  masterAddress: string | null;
  failoverInProgress: boolean;
  /** Every reachable sentinel reports `masterAddress`. */
  agreed: boolean;
  /** How many sentinels flag the master s_down, and which. */
  sDownCount: number;
  sDownBy?: readonly string[];
  failoverTimeoutMs: number;
  /** `config-epoch` of the master's entry (`SENTINEL MASTER`): the epoch of its last switch. */
  configEpoch?: number;
}
