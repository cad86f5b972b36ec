import { app, BrowserWindow, ipcMain, safeStorage, session, shell } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { APP_VERSION } from '../core/app/appVersion';
import { createCore } from '../core/createCore';
import { ensureDataDir, resolveDataDir } from '../core/dataDir';
import { registerIpcBridge } from './ipcBridge';
import { createSafeStorageCipher } from './safeStorageCipher';
import { guardSession, guardWebContents } from './securityGuards';
import { mainWindowOptions } from './windowOptions';

// The Electron shell only: window, guards and the IPC bridge. All logic lives in electron/core.
const rendererIndex = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const appUrlPrefix = devServerUrl ?? pathToFileURL(rendererIndex).href;
const isAppUrl = (url: string) => url.startsWith(appUrlPrefix);

app.enableSandbox();

async function main() {
  await app.whenReady();
  const dataDir = ensureDataDir(resolveDataDir({ env: process.env, electronUserData: app.getPath('userData') }));
  const core = createCore({
    version: APP_VERSION,
    host: 'electron',
    dataDir,
    secretCipher: createSafeStorageCipher(safeStorage),
  });
  const bridge = registerIpcBridge({ ipcMain, dispatch: core.dispatch, events: core.events, isTrustedUrl: isAppUrl });
  guardSession(session.defaultSession);
  app.on('web-contents-created', (_e, contents) => guardWebContents(contents, isAppUrl, shell));

  const createWindow = () => {
    const win = new BrowserWindow(mainWindowOptions(preloadPath));
    const detach = bridge.attach(win.webContents);
    win.on('closed', detach);
    win.once('ready-to-show', () => win.show());
    void (devServerUrl ? win.loadURL(devServerUrl) : win.loadFile(rendererIndex));
  };
  createWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    bridge.dispose();
    void core.dispose();
  });
}

void main();
