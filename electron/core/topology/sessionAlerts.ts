import type { SessionView } from '../../../shared/api/sessions';
import type { AlertDraft } from './alertBook';

export interface SessionAlertContext {
  /** No failover can happen now (no quorum, no majority): nobody will elect a new master. */
  noFailover?: boolean;
  /**
   * What the profile's sessions browse (default the master). A replica session that moves
   * has moved to another replica: that is no failover and no new master.
   */
  role?: 'master' | 'replica';
}

/** The "no master" banner: it promises an election only when one can happen. */
export function noMasterAlert(view: SessionView, masterName: string, ctx: SessionAlertContext): AlertDraft {
  return {
    key: `session:${view.id}`,
    address: view.address,
    transient: false,
    kind: 'no-master',
    severity: 'error',
    message: { code: 'no-master', masterName, noFailover: !!ctx.noFailover },
  };
}

/**
 * The connection-level banners of a data session following the master (what redis-py users
 * know as ConnectionError / MasterNotFoundError / reconnected): from one view to the next.
 */
export function sessionAlert(
  previous: SessionView | undefined,
  view: SessionView,
  masterName: string,
  ctx: SessionAlertContext = {},
): AlertDraft | undefined {
  const base = { key: `session:${view.id}`, address: view.address, transient: false };
  const where = view.address ? { address: view.address } : {};
  const replica = ctx.role === 'replica';
  const node = replica ? 'replica' : 'master';
  if (view.state === 'reconnecting') {
    if (view.noMaster && !previous?.noMaster) return noMasterAlert(view, masterName, ctx);
    if (previous?.state === 'ready') {
      return {
        ...base,
        kind: 'connection-lost',
        severity: 'warning',
        message: { code: 'connection-lost', node, ...where },
      };
    }
    return undefined;
  }
  if (view.state === 'ready' && (previous?.state === 'reconnecting' || previous?.state === 'failed')) {
    const moved = !!previous.address && previous.address !== view.address;
    return {
      ...base,
      kind: 'reconnected',
      severity: 'success',
      message: { code: 'reconnected', node, ...where, newMaster: moved && !replica },
      transient: true,
    };
  }
  if (view.state === 'failed' && previous?.state !== 'failed') {
    return {
      ...base,
      kind: 'connection-lost',
      severity: 'error',
      message: {
        code: 'connection-failed',
        masterName,
        replica,
        ...(view.error?.message !== undefined && { error: view.error.message }),
      },
    };
  }
  return undefined;
}
