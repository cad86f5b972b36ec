import './app.css';
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
import { SandboxDownScreen } from '../sandbox/SandboxDownScreen';
import { useSandbox } from '../sandbox/sandboxStore';
import { SessionScreen } from '../sessions/SessionScreen';
import { SessionTabs } from '../sessions/SessionTabs';
import { useSessions } from '../sessions/sessionsStore';
import { ProfileTopologyScreen } from '../topology/ProfileTopologyScreen';
import { useTopology } from '../topology/topologyStore';
import { useAppStore } from './appStore';
import { onNewShortcut } from './shortcuts';
import { Sidebar } from './Sidebar';

function MainArea() {
  const screen = useNav((s) => s.screen);
  switch (screen.kind) {
    case 'quick':
      return <QuickConnectPanel />;
    case 'edit':
      // The key resets the form when switching between profiles.
      return (
        <ProfileEditor
          key={screen.profileId ?? screen.quick?.id ?? 'new'}
          profileId={screen.profileId}
          draft={screen.draft}
          quick={screen.quick}
        />
      );
    case 'session':
      return <SessionScreen sessionId={screen.sessionId} />;
    case 'topology':
      // The key makes switching profiles a new view: the old watch is left, the new one started.
      return <ProfileTopologyScreen key={screen.profileId} profileId={screen.profileId} />;
    case 'sandbox':
      return <SandboxDownScreen profileId={screen.profileId} />;
    default:
      return <HomeScreen />;
  }
}

export function AppShell() {
  const loadVersion = useAppStore((s) => s.loadVersion);
  const linkOpen = useAppStore((s) => s.link.state === 'open');
  useEffect(() => {
    if (linkOpen) void useSessions.getState().sync();
  }, [linkOpen]);
  useEffect(() => {
    void loadVersion();
    void useProfiles.getState().load();
    void useSandbox.getState().load();
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
    const onKey = (e: KeyboardEvent) => onNewShortcut(e);
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
