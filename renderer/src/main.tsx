// Every stylesheet, in cascade order: a rule that overrides another of equal specificity comes
// from a later file. Listed here rather than imported by each feature's component so the order
// does not follow the module graph (moving a component once put editors.css before keys.css).
import './styles/global.css';
import './ui/ui.css';
import './app/app.css';
import './connect/connect.css';
import './profiles/editor/profileEditor.css';
import './profiles/profiles.css';
import './sandbox/sandbox.css';
import './sessions/sessions.css';
import './keys/keys.css';
import './editors/editors.css';
import './topology/topology.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setBridge } from './api/client';
import { AppShell } from './app/AppShell';
import { useAppStore } from './app/appStore';
import { createBridge } from './transport/createBridge';
import { syncSettings, useSettings } from './settings/settingsStore';

// The chosen language is spoken before the first render (no English flash), then core's settings.
useSettings.getState();
setBridge(createBridge((status) => useAppStore.getState().setLink(status)));
syncSettings();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <AppShell />
  </StrictMode>,
);
