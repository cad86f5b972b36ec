import type { Session, WebContents } from 'electron';
import { openExternalSafely } from './openExternal';

/** The parts of Electron's WebContents the guards use (so tests can pass a fake). */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
export type GuardedSession = {
  setPermissionRequestHandler: Session['setPermissionRequestHandler'];
  setPermissionCheckHandler: Session['setPermissionCheckHandler'];
  setDevicePermissionHandler: Session['setDevicePermissionHandler'];
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

/**
 * The one permission the app uses: writing text to the clipboard ("Copy key name", "Copy
 * value" call navigator.clipboard.writeText), for our own top frame only. Clipboard reads,
 * camera, notifications, devices… are all denied.
 */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  isMainFrame: boolean,
  isAppUrl: (url: string) => boolean,
): boolean {
  return permission === 'clipboard-sanitized-write' && isMainFrame && isAppUrl(requestingUrl);
}

/** Permissions as above; no device access; our CSP on every response of the session. */
export function guardSession(
  session: GuardedSession,
  isAppUrl: (url: string) => boolean,
  contentSecurityPolicy: string,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl ?? '', details.isMainFrame === true, isAppUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? requestingOrigin, details.isMainFrame === true, isAppUrl),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy],
      },
    });
  });
}
