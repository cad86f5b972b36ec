import { useEffect } from 'react';
import { api } from '../api/client';
import { QuickConnectPanel } from '../connect/QuickConnectPanel';
import { useQuickConnect } from '../connect/quickConnectStore';
import { useAppStore } from './appStore';
import { Sidebar } from './Sidebar';

export function AppShell() {
  const loadVersion = useAppStore((s) => s.loadVersion);
  useEffect(() => {
    void loadVersion();
    return api.on('connection.state', (e) => useQuickConnect.getState().onConnectionState(e));
  }, [loadVersion]);

  return (
    <div className="shell">
      <Sidebar />
      <main className="main">
        <QuickConnectPanel />
      </main>
    </div>
  );
}
