import path from 'node:path';
import { startSentinelTopology, stopAll, type SentinelTopology } from '../core/localRedis/index.js';
import { parseSandboxArgs, SANDBOX_USAGE } from './sandboxArgs.js';

export type Log = (line: string) => void;

export interface RunSandboxOptions {
  /** Stops the sandbox when aborted (tests); by default it waits for SIGINT/SIGTERM. */
  stopSignal?: AbortSignal;
}

/** Resolves when SIGINT/SIGTERM arrives (or `stopSignal` aborts). */
function stopRequested(stopSignal?: AbortSignal): { promise: Promise<string>; dispose(): void } {
  let dispose = (): void => {};
  const promise = new Promise<string>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => resolve(signal);
    const onAbort = (): void => resolve('stop request');
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    stopSignal?.addEventListener('abort', onAbort);
    if (stopSignal?.aborted) onAbort();
    dispose = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      stopSignal?.removeEventListener('abort', onAbort);
    };
  });
  return { promise, dispose };
}

const shellQuote = (value: string): string =>
  /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;

function describeTopology(t: SentinelTopology, log: Log): void {
  const auth = (password?: string) => (password ? ` -a ${shellQuote(password)} --no-auth-warning` : '');
  const sentinelUrl = `redis-sentinel://${t.sentinels.map((s) => s.address).join(',')}#${t.masterName}`;
  const firstSentinel = t.sentinels[0]!;
  log(`Redlens sandbox: Sentinel topology "${t.masterName}" is up.`);
  log('');
  for (const node of [...t.dataNodes, ...t.sentinels]) {
    log(`  ${node.role.padEnd(9)} ${node.address.padEnd(16)} pid ${node.pid}`);
  }
  log('');
  log(`Master name:       ${t.masterName}`);
  log(`Data password:     ${t.dataPassword ?? '(none)'}`);
  log(`Sentinel password: ${t.sentinelPassword ?? '(none)'}`);
  log(`Data dirs & logs:  ${path.dirname(t.master.dir)}`);
  log(
    t.dataPassword && t.sentinelPassword
      ? 'Listens on 127.0.0.1 only.'
      : 'Listens on 127.0.0.1 only, and nodes without a password let anyone on this machine in: for local experiments.',
  );
  log('');
  log('Try:');
  log(`  redis-cli -p ${t.master.port}${auth(t.dataPassword)} INFO replication`);
  log(
    `  redis-cli -p ${firstSentinel.port}${auth(t.sentinelPassword)} SENTINEL get-master-addr-by-name ${t.masterName}`,
  );
  log(`  redis-cli -p ${firstSentinel.port}${auth(t.sentinelPassword)} SENTINEL failover ${t.masterName}`);
  log(`Sentinel URL:  ${sentinelUrl}`);
  log('');
  log('Press Ctrl-C to stop.');
}

/**
 * The `npm run sandbox` CLI: starts a Sentinel topology for a person to play with, prints how
 * to reach it, and stops it on Ctrl-C. Resolves with the process exit code.
 */
export async function runSandbox(argv: readonly string[], log: Log, opts: RunSandboxOptions = {}): Promise<number> {
  const args = parseSandboxArgs(argv);
  if (args.kind === 'help') {
    log(SANDBOX_USAGE);
    return 0;
  }
  if (args.kind === 'error') {
    log(`${args.message}\n\n${SANDBOX_USAGE}`);
    return 2;
  }

  // Listen before starting, so Ctrl-C during startup also stops cleanly.
  const stop = stopRequested(opts.stopSignal);
  try {
    log('Starting Redis Sentinel sandbox…');
    const starting = startSentinelTopology(args.options);
    const topology = await Promise.race([starting, stop.promise.then(() => undefined)]);
    if (!topology) {
      stop.dispose(); // from now on a second Ctrl-C kills everything at once (processRegistry)
      log('Stopping…');
      await stopAll(); // makes the pending start fail fast; it cleans up after itself
      await starting.then((t) => t.stop()).catch(() => {});
      log('Sandbox stopped.');
      return 0;
    }
    describeTopology(topology, log);
    const reason = await stop.promise;
    stop.dispose(); // from now on a second Ctrl-C kills everything at once (processRegistry)
    log(`Stopping (${reason})…`);
    await topology.stop();
    log('Sandbox stopped: all processes ended and temp dirs removed.');
    return 0;
  } catch (err) {
    log(`Sandbox failed: ${err instanceof Error ? err.message : String(err)}`);
    await stopAll();
    return 1;
  } finally {
    stop.dispose();
  }
}
