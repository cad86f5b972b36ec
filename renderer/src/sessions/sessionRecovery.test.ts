import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n';
import { noMasterText as noMasterIn, recoveryOf, recoveryLead as leadKey } from './sessionRecovery';
import { view } from './testSupport/sessionViewFixture';

// The English words, as the screen shows them.
const t = i18n.getFixedT('en');
const recoveryLead = (...args: Parameters<typeof leadKey>) => t(leadKey(...args));
const noMasterText = (name: string | undefined, attempt: number, noFailover: boolean) =>
  noMasterIn(t, name, attempt, noFailover);

describe('recoveryOf', () => {
  it('reports a move to a new master after a failover', () => {
    const lost = view({ state: 'reconnecting', attempt: 4, noMaster: true });
    const back = view({ address: '127.0.0.1:6381' });
    const recovery = recoveryOf(lost, back, 1000);
    expect(recovery).toEqual({ at: 1000, address: '127.0.0.1:6381', moved: true, hadNoMaster: true });
    expect(recoveryLead(recovery!, 'sentinel')).toBe('Reconnected to the new master');
  });

  it('reports a reconnect to the same server plainly', () => {
    const recovery = recoveryOf(view({ state: 'reconnecting', attempt: 1 }), view({}), 5);
    expect(recovery?.moved).toBe(false);
    expect(recoveryLead(recovery!, 'standalone')).toBe('Reconnected to');
    expect(recoveryLead(recovery!, 'sentinel')).toBe('Reconnected to');
    expect(recoveryLead({ ...recovery!, hadNoMaster: true }, 'sentinel')).toBe('Reconnected to the master');
  });

  // Issue #12: a replica session that moved to another replica is no failover.
  it('says a replica session moved to another replica, not to a new master', () => {
    const recovery = recoveryOf(view({ state: 'reconnecting', attempt: 2 }), view({ address: '127.0.0.1:6382' }), 9);
    expect(recovery?.moved).toBe(true);
    expect(recoveryLead(recovery!, 'sentinel', 'replica')).toBe('Reconnected to replica');
    expect(recoveryLead({ ...recovery!, moved: false }, 'sentinel', 'replica')).toBe('Reconnected to');
    expect(recoveryLead(recovery!, 'sentinel', 'master')).toBe('Reconnected to the new master');
  });

  it('reports nothing for a first connect or a change that is not a recovery', () => {
    expect(recoveryOf(undefined, view({}), 1)).toBeUndefined();
    expect(recoveryOf(view({ state: 'connecting' }), view({}), 1)).toBeUndefined();
    expect(recoveryOf(view({}), view({ db: 2 }), 1)).toBeUndefined();
    expect(recoveryOf(view({ state: 'reconnecting' }), view({ state: 'failed' }), 1)).toBeUndefined();
  });
});

describe('noMasterText', () => {
  it('names the master, what Sentinel does and the attempt', () => {
    expect(noMasterText('mymaster', 3, false)).toBe(
      'No master for "mymaster" — Sentinel is electing one; writes are blocked (attempt 3)',
    );
    expect(noMasterText('mymaster', 2, true)).toMatch(/cannot fail over \(no quorum\); writes are blocked/);
    expect(noMasterText(undefined, 1, false)).toMatch(/^No master for this deployment/);
  });
});
