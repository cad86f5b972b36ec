import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from './appOrigin';
import { chooseRendererSource, IS_DEV_BUILD } from './rendererSource';

const DEV_URL = 'http://localhost:5173/';
const appSource = { kind: 'app', url: APP_ENTRY_URL, origin: 'app://redlens' };

describe('chooseRendererSource', () => {
  it('loads the dev server only in an unpackaged development build', () => {
    expect(chooseRendererSource({ devBuild: true, isPackaged: false, devServerUrl: DEV_URL })).toEqual({
      kind: 'devServer',
      url: DEV_URL,
      origin: 'http://localhost:5173',
    });
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app or a production build', () => {
    expect(chooseRendererSource({ devBuild: true, isPackaged: true, devServerUrl: DEV_URL })).toEqual(appSource);
    expect(chooseRendererSource({ devBuild: false, isPackaged: false, devServerUrl: DEV_URL })).toEqual(appSource);
    expect(chooseRendererSource({ devBuild: false, isPackaged: true, devServerUrl: DEV_URL })).toEqual(appSource);
    expect(chooseRendererSource({ devBuild: true, isPackaged: false, devServerUrl: undefined })).toEqual(appSource);
  });

  it('accepts only a loopback http(s) dev server, even in development', () => {
    for (const devServerUrl of [
      'https://evil.example/',
      'http://localhost.evil.example:5173/',
      'http://localhost:5173@evil.example/',
      'http://user:pw@localhost:5173/',
      'file:///tmp/index.html',
      'javascript:alert(1)',
      'not a url',
    ])
      expect(chooseRendererSource({ devBuild: true, isPackaged: false, devServerUrl }), devServerUrl).toEqual(
        appSource,
      );
    expect(
      chooseRendererSource({ devBuild: true, isPackaged: false, devServerUrl: 'http://127.0.0.1:5199/' }).kind,
    ).toBe('devServer');
  });

  it('is not a development build unless electron-vite dev defined it so', () => {
    expect(IS_DEV_BUILD).toBe(false);
  });
});
