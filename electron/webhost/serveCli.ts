import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { APP_VERSION } from '../core/app/appVersion';
import { createCore } from '../core/createCore';
import { ensureDataDir, resolveDataDir } from '../core/dataDir';
import { startWebHost, type WebHost } from './webHost';

export const SERVE_USAGE =
  'Usage: npm run serve -- [--host HOST] [--port PORT]   (defaults: 127.0.0.1, 5757; --port 0 picks a free port)';
export const DEFAULT_PORT = 5757;

export interface ServeArgs {
  host: string;
  port: number;
}

/** Parses `--host H --port P`; throws an Error with the usage on anything else. */
export function parseServeArgs(argv: string[]): ServeArgs {
  const { values } = parseArgs({
    args: argv,
    options: { host: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) throw new Error(SERVE_USAGE);
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid --port ${values.port}: use 0–65535 (0 picks a free port).\n${SERVE_USAGE}`);
  }
  return { host: values.host ?? '127.0.0.1', port };
}

/** The built renderer sits next to the built server: out/node → out/renderer. */
export function defaultRendererDir(): string {
  return process.env['REDLENS_RENDERER_DIR'] ?? fileURLToPath(new URL('../renderer/', import.meta.url));
}

/**
 * Starts core + the web host and prints exactly one line with the URL (token included).
 * Stops cleanly on SIGINT/SIGTERM.
 */
export async function serve(argv: string[], log: (line: string) => void = console.log): Promise<WebHost> {
  const args = parseServeArgs(argv);
  const rendererDir = defaultRendererDir();
  if (!existsSync(rendererDir)) {
    throw new Error(`The UI is not built (${rendererDir} is missing). Run: npm run build`);
  }
  const dataDir = ensureDataDir(resolveDataDir({ env: process.env }));
  const core = createCore({ version: APP_VERSION, host: 'web', dataDir });
  const host = await startWebHost({ core, rendererDir, host: args.host, port: args.port });
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
