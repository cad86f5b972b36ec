import { APP_ENTRY_URL, APP_ORIGIN } from './appOrigin';

/** Replaced at build time (electron.vite.config.ts): true only in `electron-vite dev` builds. */
declare const __REDLENS_DEV_BUILD__: boolean | undefined;
export const IS_DEV_BUILD = typeof __REDLENS_DEV_BUILD__ === 'boolean' && __REDLENS_DEV_BUILD__;

/** Where the window loads the renderer from, and the one origin trusted with the IPC bridge. */
export interface RendererSource {
  kind: 'app' | 'devServer';
  url: string;
  origin: string;
}

export interface RendererSourceInput {
  /** IS_DEV_BUILD in the app. */
  devBuild: boolean;
  /** `app.isPackaged`. */
  isPackaged: boolean;
  /** `process.env.ELECTRON_RENDERER_URL`, set by `electron-vite dev`. */
  devServerUrl: string | undefined;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A plain http(s) URL on this machine, or undefined: the dev server gets the whole API. */
function loopbackDevServer(raw: string): URL | undefined {
  try {
    const url = new URL(raw);
    const plain = (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
    return plain && LOOPBACK_HOSTS.has(url.hostname) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * ELECTRON_RENDERER_URL is honoured only by an unpackaged development build, and only for a
 * loopback http(s) address; everything else — a release, `npm start`, a planted environment
 * variable — loads the bundled renderer from app://redlens/.
 */
export function chooseRendererSource({ devBuild, isPackaged, devServerUrl }: RendererSourceInput): RendererSource {
  const dev = devBuild && !isPackaged && devServerUrl ? loopbackDevServer(devServerUrl) : undefined;
  if (dev) return { kind: 'devServer', url: dev.href, origin: dev.origin };
  return { kind: 'app', url: APP_ENTRY_URL, origin: APP_ORIGIN };
}
