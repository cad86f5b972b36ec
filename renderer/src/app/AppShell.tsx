import { useEffect } from 'react';
import { api } from '../api/client';
import { QuickConnectPanel } from '../connect/QuickConnectPanel';
import { UnloadGuard } from '../editors/UnloadGuard';
import { useQuickConnect } from '../connect/quickConnectStore';
import { useKeys } from '../keys/keysStore';
import { useNav } from '../nav/navStore';
import { ProfileEditor } from '../profiles/editor/ProfileEditor';
import { HomeScreen } from '../profiles/HomeScreen';
import { useProfiles } from '../profiles/profilesStore';
import { SessionScreen } from '../sessions/SessionScreen';
import { SessionTabs } from '../sessions/SessionTabs';
import { useSessions } from '../sessions/sessionsStore';
import { ProfileTopologyScreen } from '../topology/ProfileTopologyScreen';
import { useTopology } from '../topology/topologyStore';
import { useAppStore } from './appStore';
import { Sidebar } from './Sidebar';

function MainArea() {
  const screen = useNav((s) => s.screen);
  switch (screen.kind) {
    case 'quick':
      return <QuickConnectPanel />;
    case 'edit':
      // The key resets the form when switching between profiles.
      return <ProfileEditor key={screen.profileId ?? 'new'} profileId={screen.profileId} draft={screen.draft} />;
    case 'session':
      return <SessionScreen sessionId={screen.sessionId} />;
    case 'topology':
      // The key makes switching profiles a new view: the old watch is left, the new one started.
      return <ProfileTopologyScreen key={screen.profileId} profileId={screen.profileId} />;
    default:
      return <HomeScreen />;
  }
}

export function AppShell() {
  const loadVersion = useAppStore((s) => s.loadVersion);
  useEffect(() => {
    void loadVersion();
    void useProfiles.getState().load();
    const offs = [
      api.on('connection.state', (e) => useQuickConnect.getState().onConnectionState(e)),
      api.on('session.state', (e) => {
        useSessions.getState().apply(e.session);
        if (e.session.state === 'closed') useKeys.getState().forget(e.session.id);
      }),
      api.on('profiles.changed', () => void useProfiles.getState().load()),
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
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        useNav.getState().go({ kind: 'edit' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      offs.forEach((off) => off());
      window.removeEventListener('keydown', onKey);
    };
  }, [loadVersion]);

  return (
    <div className="shell">
      <Sidebar />
      <UnloadGuard />
      <div className="main-column">
        <SessionTabs />
        <main className="main">
          <MainArea />
        </main>
      </div>
    </div>
  );
}
