import { app, BrowserWindow, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { APP_VERSION } from '../core/app/appVersion';
import { createCore } from '../core/createCore';
import { ensureDataDir, resolveDataDir } from '../core/dataDir';
import { contentSecurityPolicy } from '../core/security/contentSecurityPolicy';
import { APP_SCHEME } from './appOrigin';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './appProtocol';
import { createAppUrlCheck } from './appUrl';
import { registerIpcBridge } from './ipcBridge';
import { chooseRendererSource, IS_DEV_BUILD } from './rendererSource';
import { createSafeStorageCipher } from './safeStorageCipher';
import { guardSession, guardWebContents } from './securityGuards';
import { mainWindowOptions } from './windowOptions';

// The Electron shell only: window, guards and the IPC bridge. All logic lives in electron/core.
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const source = chooseRendererSource({
  devBuild: IS_DEV_BUILD,
  isPackaged: app.isPackaged,
  devServerUrl: process.env['ELECTRON_RENDERER_URL'],
});
if (process.env['ELECTRON_RENDERER_URL'] && source.kind === 'app') {
  console.warn('Redlens: ignoring ELECTRON_RENDERER_URL (only a development build loads a loopback dev server).');
}
const isAppUrl = createAppUrlCheck(source);
const csp = contentSecurityPolicy(
  source.kind === 'devServer' ? { delivery: 'header', devServerOrigin: source.origin } : { delivery: 'header' },
);

app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

async function main() {
  await app.whenReady();
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: rendererDir, contentSecurityPolicy: csp, readFile }));
  const dataDir = ensureDataDir(resolveDataDir({ env: process.env, electronUserData: app.getPath('userData') }));
  const core = createCore({
    version: APP_VERSION,
    host: 'electron',
    dataDir,
    secretCipher: createSafeStorageCipher(safeStorage),
  });
  const bridge = registerIpcBridge({ ipcMain, dispatch: core.dispatch, events: core.events, isTrustedUrl: isAppUrl });
  guardSession(session.defaultSession, isAppUrl, csp);
  app.on('web-contents-created', (_e, contents) => guardWebContents(contents, isAppUrl, shell));

  const createWindow = () => {
    const win = new BrowserWindow(mainWindowOptions(preloadPath));
    const detach = bridge.attach(win.webContents);
    win.on('closed', detach);
    win.once('ready-to-show', () => win.show());
    void win.loadURL(source.url);
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
