import { describe, expect, it } from 'vitest';
import { createAppUrlCheck } from './appUrl';
import { chooseRendererSource } from './rendererSource';

const app = createAppUrlCheck(chooseRendererSource({ devBuild: false, isPackaged: true, devServerUrl: undefined }));
const dev = createAppUrlCheck(
  chooseRendererSource({ devBuild: true, isPackaged: false, devServerUrl: 'http://localhost:5173/' }),
);

describe('isAppUrl (app://redlens)', () => {
  it('accepts our own origin, any path', () => {
    for (const u of ['app://redlens/index.html', 'app://redlens/assets/index-1.js', 'app://redlens/index.html#x'])
      expect(app(u), u).toBe(true);
  });

  it('refuses look-alike hosts, userinfo tricks and other ports', () => {
    for (const u of [
      'app://redlens.evil.com/index.html',
      'app://redlens@evil.com/index.html',
      'app://evil.com@redlens/index.html',
      'app://evil.com/redlens/index.html',
      'app://redlens:8080/index.html',
    ])
      expect(app(u), u).toBe(false);
  });

  it('refuses every file:// URL, inside the app folder, beside it or outside it', () => {
    for (const u of [
      'file:///opt/redlens/out/renderer/index.html',
      'file:///opt/redlens/out/renderer/index.html.evil/x.html',
      'file:///opt/redlens/out/renderer/index.html/../../../../etc/passwd',
      'file:///etc/passwd',
    ])
      expect(app(u), u).toBe(false);
  });

  it('refuses other schemes, the dev server and garbage', () => {
    for (const u of ['https://redlens/', 'http://localhost:5173/', 'javascript:alert(1)', 'about:blank', '', 'app:'])
      expect(app(u), u).toBe(false);
  });
});

describe('isAppUrl (development build on a dev server)', () => {
  it('accepts the dev server origin', () => {
    for (const u of ['http://localhost:5173/', 'http://localhost:5173/src/main.tsx', 'http://localhost:5173/?x#y'])
      expect(dev(u), u).toBe(true);
  });

  it('compares origins, not string prefixes', () => {
    for (const u of [
      'http://localhost:5173.evil.com/',
      'http://localhost:5173@evil.com/',
      'http://localhost:51730/',
      'https://localhost:5173/',
      'ws://localhost:5173/',
      'http://127.0.0.1:5173/',
      'http://user:pass@localhost:5173/',
      'app://redlens/index.html',
    ])
      expect(dev(u), u).toBe(false);
  });
});
