import { parseArgs } from 'node:util';
import { bindRefusal } from './bindPolicy';
import { normalizeHostName } from './hostPolicy';

export const SERVE_USAGE = [
  'Usage: npm run serve -- [--host HOST] [--port PORT] [remote options]',
  '  --host HOST          address to listen on (default 127.0.0.1; loopback only unless --allow-remote)',
  '  --port PORT          port (default 5757; 0 picks a free port)',
  'Remote options (any --host that is not loopback):',
  '  --allow-remote       required: Redlens becomes reachable from other machines',
  '  --tls-cert FILE      PEM certificate (chain) for https/wss, with --tls-key FILE (PEM, unencrypted)',
  '  --insecure-http      serve plain HTTP anyway (token and data unencrypted on the network)',
  '  --allowed-host NAME  a host name browsers may use to reach this host (repeatable)',
].join('\n');
export const DEFAULT_PORT = 5757;

export interface ServeArgs {
  host: string;
  port: number;
  allowRemote: boolean;
  insecureHttp: boolean;
  allowedHosts: string[];
  tls?: { certFile: string; keyFile: string };
}

/** Parses the serve flags; throws an Error with the reason and the usage on anything wrong. */
export function parseServeArgs(argv: string[]): ServeArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'allow-remote': { type: 'boolean' },
      'insecure-http': { type: 'boolean' },
      'allowed-host': { type: 'string', multiple: true },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  const bad = (why: string) => new Error(`${why}\n${SERVE_USAGE}`);
  if (values.help) throw new Error(SERVE_USAGE);
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw bad(`Invalid --port ${values.port}: use 0–65535 (0 picks a free port).`);
  }
  const allowedHosts = (values['allowed-host'] ?? []).map((raw) => {
    const name = normalizeHostName(raw);
    if (!name) throw bad(`Invalid --allowed-host ${raw}: give a host name or an IP address, without port.`);
    return name;
  });
  const certFile = values['tls-cert'];
  const keyFile = values['tls-key'];
  if (!certFile !== !keyFile) throw bad('--tls-cert and --tls-key go together.');
  const tls = certFile && keyFile ? { certFile, keyFile } : undefined;
  const insecureHttp = values['insecure-http'] ?? false;
  if (tls && insecureHttp) throw bad('--insecure-http contradicts --tls-cert/--tls-key: pick one.');
  const args: ServeArgs = {
    host: values.host ?? '127.0.0.1',
    port,
    allowRemote: values['allow-remote'] ?? false,
    insecureHttp,
    allowedHosts,
    ...(tls ? { tls } : {}),
  };
  const refusal = bindRefusal({ ...args, tls: !!tls });
  if (refusal) throw bad(refusal);
  return args;
}
