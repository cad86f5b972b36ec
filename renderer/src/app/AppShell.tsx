import { useEffect } from 'react';
import { QuickConnectPanel } from '../connect/QuickConnectPanel';
import { UnloadGuard } from '../editors/UnloadGuard';
import { useNav } from '../nav/navStore';
import { ProfileEditor } from '../profiles/editor/ProfileEditor';
import { HomeScreen } from '../screens/HomeScreen';
import { useProfiles } from '../profiles/profilesStore';
import { SandboxDownScreen } from '../sandbox/SandboxDownScreen';
import { useSandbox } from '../sandbox/sandboxStore';
import { SessionScreen } from '../screens/SessionScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { SessionTabs } from './SessionTabs';
import { useSessions } from '../sessions/sessionsStore';
import { ProfileTopologyScreen } from '../screens/ProfileTopologyScreen';
import { useAppStore } from './appStore';
import { listenToCore } from './coreEvents';
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
    case 'settings':
      return <SettingsScreen />;
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
    const stopListening = listenToCore();
    const onKey = (e: KeyboardEvent) => onNewShortcut(e);
    window.addEventListener('keydown', onKey);
    return () => {
      stopListening();
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
