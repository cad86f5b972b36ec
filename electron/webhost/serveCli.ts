import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { APP_VERSION } from '../core/app/appVersion';
import { createCore } from '../core/createCore';
import { ensureDataDir, resolveDataDir } from '../core/dataDir';
import { remoteWarning } from './bindPolicy';
import { parseServeArgs } from './serveArgs';
import { readPemFile } from './tlsFiles';
import { startWebHost, type WebHost } from './webHost';

export { DEFAULT_PORT, parseServeArgs, SERVE_USAGE } from './serveArgs';

/** The built renderer sits next to the built server: out/node → out/renderer. */
export function defaultRendererDir(): string {
  return process.env['REDLENS_RENDERER_DIR'] ?? fileURLToPath(new URL('../renderer/', import.meta.url));
}

/**
 * Starts core + the web host and prints exactly one line on stdout with the URL (the token in its
 * fragment); warnings about a remote bind go to stderr. Stops cleanly on SIGINT/SIGTERM.
 */
export async function serve(
  argv: string[],
  log: (line: string) => void = console.log,
  warn: (line: string) => void = console.error,
): Promise<WebHost> {
  const args = parseServeArgs(argv);
  const rendererDir = defaultRendererDir();
  if (!existsSync(rendererDir)) {
    throw new Error(`The UI is not built (${rendererDir} is missing). Run: npm run build`);
  }
  const tls = args.tls && {
    cert: await readPemFile(args.tls.certFile, 'TLS certificate'),
    key: await readPemFile(args.tls.keyFile, 'TLS key'),
  };
  const dataDir = ensureDataDir(resolveDataDir({ env: process.env }));
  const core = createCore({ version: APP_VERSION, host: 'web', dataDir });
  const host = await startWebHost({ ...args, core, rendererDir, tls }).catch(async (e: unknown) => {
    await core.dispose();
    throw e;
  });
  for (const line of remoteWarning({ ...args, tls: !!tls }, host.acceptedHosts)) warn(line);
  log(`Redlens listening on ${host.url}`);

  const stop = async () => {
    await host.close();
    await core.dispose();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return host;
}
