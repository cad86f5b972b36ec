import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../core/security/contentSecurityPolicy';
import { guardSession, guardWebContents, type GuardedContents, type GuardedSession } from './securityGuards';
import { createAppUrlCheck } from './appUrl';
import { isSafeExternalUrl } from './openExternal';
import { chooseRendererSource } from './rendererSource';

type Listener = (event: { preventDefault(): void }, url: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, l: Listener) => listeners.set(name, l),
    setWindowOpenHandler: (h: typeof openHandler) => {
      openHandler = h;
    },
  } as unknown as GuardedContents;
  const fire = (name: string, url: string) => {
    let prevented = false;
    listeners.get(name)?.({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

const APP = 'app://redlens/index.html';
const isAppUrl = createAppUrlCheck(
  chooseRendererSource({ devBuild: false, isPackaged: true, devServerUrl: undefined }),
);

describe('guardWebContents', () => {
  it('blocks navigation and redirects away from the app', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, isAppUrl, { openExternal: async () => {} });
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'app://redlens.evil.example/index.html')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', `${APP}#x`)).toBe(false);
    expect(fire('will-attach-webview', 'about:blank')).toBe(true);
  });

  it('denies every new window and sends only http(s) links to the system browser', async () => {
    const opened: string[] = [];
    const { contents, open } = fakeContents();
    guardWebContents(contents, isAppUrl, { openExternal: async (u) => void opened.push(u) });
    expect(open('https://redis.io/docs')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(opened).toEqual(['https://redis.io/docs']);
  });

  it('accepts only http(s) as external URLs', () => {
    expect(isSafeExternalUrl('https://a.b/')).toBe(true);
    expect(isSafeExternalUrl('http://a.b/')).toBe(true);
    for (const u of ['file:///x', 'smb://host/share', 'javascript:void 0', 'not a url'])
      expect(isSafeExternalUrl(u)).toBe(false);
  });
});

describe('guardSession', () => {
  type RequestHandler = (
    c: unknown,
    p: string,
    cb: (ok: boolean) => void,
    d: { requestingUrl: string; isMainFrame: boolean },
  ) => void;
  type CheckHandler = (
    c: unknown,
    p: string,
    origin: string,
    d: { requestingUrl?: string; isMainFrame: boolean },
  ) => boolean;

  function guardedFakeSession() {
    let request: RequestHandler | undefined;
    let check: CheckHandler | undefined;
    let device: (() => boolean) | undefined;
    let headers: Record<string, string[]> | undefined;
    const session = {
      setPermissionRequestHandler: (h: RequestHandler) => (request = h),
      setPermissionCheckHandler: (h: CheckHandler) => (check = h),
      setDevicePermissionHandler: (h: () => boolean) => (device = h),
      webRequest: {
        onHeadersReceived: (
          h: (
            d: { responseHeaders: Record<string, string[]> },
            cb: (r: { responseHeaders: Record<string, string[]> }) => void,
          ) => void,
        ) => h({ responseHeaders: { 'X-Other': ['1'] } }, (r) => (headers = r.responseHeaders)),
      },
    } as unknown as GuardedSession;
    guardSession(session, isAppUrl, CONTENT_SECURITY_POLICY);
    const requested = (permission: string, requestingUrl: string, isMainFrame = true) => {
      let granted: boolean | undefined;
      request!({}, permission, (ok) => (granted = ok), { requestingUrl, isMainFrame });
      return granted;
    };
    const checked = (permission: string, origin: string, isMainFrame = true) =>
      check!({}, permission, origin, { requestingUrl: origin, isMainFrame });
    return { requested, checked, device: () => device?.(), headers: () => headers };
  }

  it('denies every permission and device', () => {
    const { requested, checked, device } = guardedFakeSession();
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read', 'hid', 'openExternal']) {
      expect(requested(p, APP), p).toBe(false);
      expect(checked(p, APP), p).toBe(false);
    }
    expect(device()).toBe(false);
  });

  it('lets our own top frame write to the clipboard (Copy key name), nobody else', () => {
    const { requested, checked } = guardedFakeSession();
    expect(requested('clipboard-sanitized-write', APP)).toBe(true);
    expect(checked('clipboard-sanitized-write', APP)).toBe(true);
    expect(requested('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(checked('clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect(requested('clipboard-sanitized-write', APP, false)).toBe(false);
    expect(checked('clipboard-sanitized-write', APP, false)).toBe(false);
  });

  it('adds the CSP header', () => {
    const { headers } = guardedFakeSession();
    expect(headers()).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });
});
