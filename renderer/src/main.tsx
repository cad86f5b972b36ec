import './styles/global.css';
import './ui/ui.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setBridge } from './api/client';
import { AppShell } from './app/AppShell';
import { useAppStore } from './app/appStore';
import { createBridge } from './transport/createBridge';

setBridge(createBridge((status) => useAppStore.getState().setLink(status)));

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <AppShell />
  </StrictMode>,
);
