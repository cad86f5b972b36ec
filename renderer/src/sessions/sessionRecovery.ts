import type { TFunction } from 'i18next';
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

/** The catalogue keys of the words before the address once a session has recovered. */
export type RecoveryLead =
  | 'session.reconnectedTo'
  | 'session.reconnectedToReplica'
  | 'session.reconnectedToNewMaster'
  | 'session.reconnectedToMaster';

/**
 * The words before the address once a session has recovered ("Reconnected to the new master").
 * A session browsing a replica (`role`) that moved went to another replica: no new master.
 */
export function recoveryLead(recovery: Recovery, kind: SessionView['kind'], role?: 'master' | 'replica'): RecoveryLead {
  if (kind === 'sentinel' && role === 'replica') {
    return recovery.moved ? 'session.reconnectedToReplica' : 'session.reconnectedTo';
  }
  if (kind !== 'sentinel' || !(recovery.moved || recovery.hadNoMaster)) return 'session.reconnectedTo';
  return recovery.moved ? 'session.reconnectedToNewMaster' : 'session.reconnectedToMaster';
}

/**
 * The no-master line of a Sentinel session: whose master is missing, what Sentinel is doing
 * about it, and that writes wait. `noFailover` when the sentinels said no failover can happen.
 */
export function noMasterText(
  t: TFunction,
  masterName: string | undefined,
  attempt: number,
  noFailover: boolean,
): string {
  const who = masterName ? t('session.noMasterFor', { name: masterName }) : t('session.noMasterForDeployment');
  const what = noFailover ? t('session.cannotFailOver') : t('session.electing');
  return t('session.noMaster', { who, what, attempt });
}
