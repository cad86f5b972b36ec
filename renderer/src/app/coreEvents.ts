import { api } from '../api/client';
import { useQuickConnect } from '../connect/quickConnectStore';
import { useKeys } from '../keys/keysStore';
import { useProfiles } from '../profiles/profilesStore';
import { useSandbox } from '../sandbox/sandboxStore';
import { useSessions } from '../sessions/sessionsStore';
import { useTopology } from '../topology/topologyStore';

/**
 * Core's events into the stores, for the app's lifetime (AppShell); returns the unsubscribe.
 * Components never listen to core themselves: they read the stores these update.
 */
export function listenToCore(): () => void {
  const offs = [
    api.on('connection.state', (e) => useQuickConnect.getState().onConnectionState(e)),
    api.on('session.state', (e) => {
      useSessions.getState().apply(e.session);
      if (e.session.state === 'closed') useKeys.getState().forget(e.session.id);
    }),
    api.on('profiles.changed', () => void useProfiles.getState().load()),
    // Starting the sandbox saves its profile: the sandbox's state changed too.
    api.on('profiles.changed', () => void useSandbox.getState().load()),
    api.on('keys.scan', (e) => useKeys.getState().onScanEvent(e.sessionId, e.status, e.rowsChanged)),
    api.on('keys.job', (job) => useKeys.getState().onJobEvent(job)),
    api.on('session.state', (e) => {
      if (e.session.state === 'closed') useTopology.getState().forget(e.session.id);
    }),
    api.on('topology.snapshot', (e) => useTopology.getState().onSnapshot(e.snapshot, e.at)),
    api.on('topology.event', (e) => useTopology.getState().onEvent(e)),
    api.on('topology.failover', (e) => useTopology.getState().onFailover(e.watchId, e.failover)),
    api.on('topology.alert', (alert) => useTopology.getState().onAlert(alert)),
  ];
  return () => offs.forEach((off) => off());
}
