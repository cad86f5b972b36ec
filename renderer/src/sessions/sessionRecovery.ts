import type { SessionView } from '../../../shared/api/sessions';

/** A session that was reconnecting is ready again: where, and whether it moved (a new master). */
export interface Recovery {
  at: number;
  address: string;
  /** It came back on another node than the one it lost (Sentinel moved the master). */
  moved: boolean;
  /** It had lost its master (failover), not only the connection. */
  hadNoMaster: boolean;
}

/** How long "Reconnected to …" stays in the status line. */
export const RECOVERY_SHOWN_MS = 10_000;

/** The recovery that `next` reports after `prev`, if it reports one. */
export function recoveryOf(prev: SessionView | undefined, next: SessionView, at: number): Recovery | undefined {
  if (prev?.state !== 'reconnecting' || next.state !== 'ready' || !next.address) return undefined;
  // While reconnecting the view keeps the last address it was on (see core's nextView).
  return {
    at,
    address: next.address,
    moved: !!prev.address && prev.address !== next.address,
    hadNoMaster: !!prev.noMaster,
  };
}

/**
 * The words before the address once a session has recovered ("Reconnected to the new master").
 * A session browsing a replica (`role`) that moved went to another replica: no new master.
 */
export function recoveryLead(recovery: Recovery, kind: SessionView['kind'], role?: 'master' | 'replica'): string {
  if (kind === 'sentinel' && role === 'replica') return recovery.moved ? 'Reconnected to replica' : 'Reconnected to';
  if (kind !== 'sentinel' || !(recovery.moved || recovery.hadNoMaster)) return 'Reconnected to';
  return recovery.moved ? 'Reconnected to the new master' : 'Reconnected to the master';
}

/**
 * The no-master line of a Sentinel session: whose master is missing, what Sentinel is doing
 * about it, and that writes wait. `noFailover` when the sentinels said no failover can happen.
 */
export function noMasterText(masterName: string | undefined, attempt: number, noFailover: boolean): string {
  const name = masterName ? `"${masterName}"` : 'this deployment';
  const what = noFailover ? 'the master is down and Sentinel cannot fail over (no quorum)' : 'Sentinel is electing one';
  return `No master for ${name} — ${what}; writes are blocked (attempt ${attempt})`;
}
