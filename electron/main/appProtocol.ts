import type { CustomScheme } from 'electron';
import { APP_SCHEME } from './appOrigin';
import { resolveAppPath } from './appPath';

/** Registered before `ready`: standard + secure, so it behaves like an https origin. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

export interface AppProtocolOptions {
  /** The built renderer folder (out/renderer, inside app.asar when packaged). */
  root: string;
  contentSecurityPolicy: string;
  readFile: (file: string) => Promise<Uint8Array>;
}

const empty = (status: number) => new Response(null, { status });

/** The `protocol.handle('app', …)` handler: GET/HEAD of files under `root`, with our headers. */
export function createAppProtocolHandler({ root, contentSecurityPolicy, readFile }: AppProtocolOptions) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return empty(405);
    const target = resolveAppPath(request.url, root);
    if ('status' in target) return empty(target.status);
    let body: Uint8Array;
    try {
      body = await readFile(target.file);
    } catch {
      return empty(404);
    }
    return new Response(request.method === 'HEAD' ? null : Buffer.from(body), {
      status: 200,
      headers: {
        'Content-Type': target.contentType,
        'Content-Security-Policy': contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}
