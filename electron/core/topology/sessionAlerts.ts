import type { SessionView } from '../../../shared/api/sessions';
import type { AlertDraft } from './alertBook';

/**
 * The connection-level banners of a data session following the master (what redis-py users
 * know as ConnectionError / MasterNotFoundError / reconnected): from one view to the next.
 */
export function sessionAlert(
  previous: SessionView | undefined,
  view: SessionView,
  masterName: string,
): AlertDraft | undefined {
  const base = { key: `session:${view.id}`, address: view.address, transient: false };
  const where = view.address ? ` ${view.address}` : '';
  if (view.state === 'reconnecting') {
    if (view.noMaster && !previous?.noMaster) {
      return {
        ...base,
        kind: 'no-master',
        severity: 'error',
        text: `No master found for "${masterName}" — writes are blocked until the sentinels elect one.`,
      };
    }
    if (previous?.state === 'ready') {
      return {
        ...base,
        kind: 'connection-lost',
        severity: 'warning',
        text: `Connection to master${where} lost — reconnecting…`,
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
      text: moved ? `Reconnected to the new master${where}.` : `Reconnected to master${where}.`,
      transient: true,
    };
  }
  if (view.state === 'failed' && previous?.state !== 'failed') {
    return {
      ...base,
      kind: 'connection-lost',
      severity: 'error',
      text: `Connection to "${masterName}" failed: ${view.error?.message ?? 'gave up reconnecting'}`,
    };
  }
  return undefined;
}
