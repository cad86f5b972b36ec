import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/security/contentSecurityPolicy';
import { openExternalSafely } from './openExternal';

/** The parts of Electron's WebContents the guards use (so tests can pass a fake). */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
export type GuardedSession = {
  setPermissionRequestHandler: Session['setPermissionRequestHandler'];
  setPermissionCheckHandler: Session['setPermissionCheckHandler'];
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

/** No navigation away from the app, no new windows; http(s) links go to the system browser. */
export function guardWebContents(
  contents: GuardedContents,
  isAppUrl: (url: string) => boolean,
  shell: { openExternal(url: string): Promise<void> },
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url, shell);
    return { action: 'deny' };
  });
}

/** Deny every permission (camera, notifications, …) and send our CSP with every response. */
export function guardSession(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}
