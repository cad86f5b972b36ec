import type Redis from 'ioredis';
import { reconnectNow } from '../redis/reconnectNow';

/** How long after `+switch-master` a session insists on the announced master. */
const FOLLOW_WINDOW_MS = 5_000;
/** …asking the sentinels again this often meanwhile. */
const RECHECK_MASTER_MS = 100;

type AddressOf = (client: Redis) => string | undefined;

/**
 * A Sentinel session following the master after `+switch-master`: where the sentinels say the
 * master now is (for a few seconds, since a sentinel that has not switched yet would send us
 * back to the demoted master), and how soon the next reconnect attempt should start.
 */
export class MasterFollower {
  /** Where the sentinels say the master now is, until that deadline. */
  #expected: { address: string; until: number } | undefined;
  /** The next reconnect attempt waits this long instead of the back-off. */
  #hurry: number | undefined;

  /** `followsMaster`: a master-role session (a replica-role one only leaves a promoted replica). */
  constructor(private readonly followsMaster: boolean) {}

  /**
   * The sentinels announced `to` as the master (`+switch-master`): moves the session's own
   * connection (at `mainAddress`) and its db lanes there. A ready connection that must move is
   * dropped and reconnects at once; one waiting between attempts tries now. For a few seconds
   * afterwards, `offTarget` tells when a reconnect landed elsewhere.
   */
  follow(to: string, main: Redis, mainAddress: string | undefined, lanes: Redis[], addressOf: AddressOf): void {
    if (this.followsMaster) this.#expected = { address: to, until: Date.now() + FOLLOW_WINDOW_MS };
    for (const lane of lanes) {
      if (lane.status !== 'ready') reconnectNow(lane);
      else if (this.#mustMove(addressOf(lane), to)) lane.disconnect(true);
    }
    if (main.status === 'ready') {
      if (!this.#mustMove(mainAddress, to)) return;
      this.#hurry = 0;
      main.disconnect(true);
      return;
    }
    // No wait to cut short (an attempt is running): the attempt after it starts at once.
    this.#hurry = reconnectNow(main) ? undefined : 0;
  }

  /** Connected to another node than the one just announced (a sentinel that had not switched). */
  offTarget(address: string | undefined): boolean {
    const expected = this.#expected;
    return !!expected && Date.now() < expected.until && address !== expected.address;
  }

  /** Settled on a node: the announcement is spent. */
  settled(): void {
    this.#expected = undefined;
  }

  /** Landed off target: ask the sentinels again soon, not after the back-off. */
  recheckSoon(): void {
    this.#hurry = RECHECK_MASTER_MS;
  }

  /** The hurried delay, once (undefined: use the back-off). */
  takeHurry(): number | undefined {
    const hurry = this.#hurry;
    this.#hurry = undefined;
    return hurry;
  }

  /** A master session moves unless it is there already; a replica session only off a promoted replica. */
  #mustMove(current: string | undefined, to: string): boolean {
    return this.followsMaster !== (current === to);
  }
}
