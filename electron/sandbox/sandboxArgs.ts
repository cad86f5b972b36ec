import type { SentinelTopologyOptions } from '../core/localRedis/index.js';

export const SANDBOX_USAGE = `Usage: npm run sandbox -- [options]

Starts a local Redis Sentinel topology (1 master, replicas, sentinels) on free ports
and keeps it running until Ctrl-C.

Options:
  --password P            password of the data nodes (requirepass/masterauth)
  --sentinel-password P   password of the sentinels
  --master-name NAME      monitored master name (default: mymaster)
  --replicas N            number of replicas (default: 2)
  --sentinels N           number of sentinels (default: 3)
  --quorum N              sentinels needed to agree the master is down (default: 2)
  --down-after MS         down-after-milliseconds (default: 1000)
  -h, --help              show this help`;

export type SandboxArgs =
  { kind: 'run'; options: SentinelTopologyOptions } | { kind: 'help' } | { kind: 'error'; message: string };

type Setter = (options: SentinelTopologyOptions, value: string) => string | undefined;

function intSetter(min: number, set: (o: SentinelTopologyOptions, n: number) => void): Setter {
  return (options, value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min) return `expected an integer >= ${min}, got "${value}"`;
    set(options, n);
    return undefined;
  };
}

const FLAGS = new Map<string, Setter>(
  Object.entries({
    '--password': (o, v) => void (o.dataPassword = v),
    '--sentinel-password': (o, v) => void (o.sentinelPassword = v),
    '--master-name': (o, v) => (/^[\w.-]+$/.test(v) ? void (o.masterName = v) : `invalid master name "${v}"`),
    '--replicas': intSetter(0, (o, n) => (o.replicas = n)),
    '--sentinels': intSetter(1, (o, n) => (o.sentinels = n)),
    '--quorum': intSetter(1, (o, n) => (o.quorum = n)),
    '--down-after': intSetter(100, (o, n) => (o.downAfterMs = n)),
  } satisfies Record<string, Setter>),
);

/** Parses `--flag value` / `--flag=value` arguments of the sandbox CLI. */
export function parseSandboxArgs(argv: readonly string[]): SandboxArgs {
  const options: SentinelTopologyOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const setter = FLAGS.get(flag);
    if (!setter) return { kind: 'error', message: `Unknown option: ${arg}` };
    const value = eq > 0 && flag !== arg ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) return { kind: 'error', message: `Missing value for ${flag}` };
    const problem = setter(options, value);
    if (problem) return { kind: 'error', message: `${flag}: ${problem}` };
  }
  const sentinels = options.sentinels ?? 3;
  const quorum = options.quorum ?? Math.min(2, sentinels);
  if (quorum > sentinels) {
    return { kind: 'error', message: `--quorum ${quorum} is larger than the number of sentinels (${sentinels})` };
  }
  return { kind: 'run', options: { ...options, quorum } };
}
