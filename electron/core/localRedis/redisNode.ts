import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Redis, RedisOptions } from 'ioredis';
import { freePort } from './freePort.js';
import { trackProcess, untrackProcess } from './processRegistry.js';
import { LOG_FILE } from './redisConfig.js';
import { connectClient, parseInfo, withProbeClient } from './redisClient.js';
import { AbortWaitError, waitFor } from './waitFor.js';

export type RedisRole = 'standalone' | 'master' | 'replica' | 'sentinel';

export interface RedisNodeSpec {
  redisServer: string;
  role: RedisRole;
  /** The node's own (existing) directory: config file, log file and data live here. */
  dir: string;
  /** Config lines for a port; written once, before the first successful start. */
  config: (port: number) => string[];
  /** The password clients need (`requirepass`), if any. */
  password?: string;
  startTimeoutMs?: number;
}

const HOST = '127.0.0.1';
const PORT_ATTEMPTS = 5;
const STOP_TIMEOUT_MS = 3000;

class PortInUseError extends Error {}

/** A redis-server (or Sentinel) process started by localRedis. Create with `startRedisNode`. */
export class RedisNode {
  readonly role: RedisRole;
  readonly host = HOST;
  readonly dir: string;
  readonly password: string | undefined;
  readonly confPath: string;
  readonly logPath: string;
  #port = 0;
  #child: ChildProcess | undefined;
  #exited: Promise<void> = Promise.resolve();
  #output = '';
  #paused = false;
  private readonly spec: RedisNodeSpec;

  constructor(spec: RedisNodeSpec) {
    this.spec = spec;
    this.role = spec.role;
    this.dir = spec.dir;
    this.password = spec.password;
    this.confPath = path.join(spec.dir, spec.role === 'sentinel' ? 'sentinel.conf' : 'redis.conf');
    this.logPath = path.join(spec.dir, LOG_FILE);
  }

  get port(): number {
    return this.#port;
  }
  get pid(): number {
    return this.#child?.pid ?? -1;
  }
  get address(): string {
    return `${this.host}:${this.#port}`;
  }
  /** True between `pause()` and `resume()`. */
  get paused(): boolean {
    return this.#paused;
  }

  isRunning(): boolean {
    const child = this.#child;
    return !!child && child.exitCode === null && child.signalCode === null;
  }

  /** First start: picks a free port, retrying with another one if it was taken meanwhile. */
  async startOnFreePort(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      this.#port = await freePort();
      writeFileSync(this.confPath, `${this.spec.config(this.#port).join('\n')}\n`);
      try {
        return await this.#launch();
      } catch (err) {
        if (!(err instanceof PortInUseError) || attempt >= PORT_ATTEMPTS) throw err;
      }
    }
  }

  /** Starts again on the same port with the same (possibly node-rewritten) config file. */
  async restart(): Promise<void> {
    if (this.isRunning()) await this.stop();
    await this.#launch();
  }

  /** Sends `signal` and resolves once the process has exited. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.isRunning()) return this.#exited;
    this.#child?.kill(signal);
    // A stopped process only acts on SIGKILL; let it handle any other signal.
    if (this.#paused && signal !== 'SIGKILL') this.#child?.kill('SIGCONT');
    await this.#exited;
  }

  async pause(): Promise<void> {
    if (!this.isRunning()) throw new Error(`${this.role} ${this.address} is not running`);
    this.#child?.kill('SIGSTOP');
    this.#paused = true;
  }

  async resume(): Promise<void> {
    if (this.isRunning()) this.#child?.kill('SIGCONT');
    this.#paused = false;
  }

  /** Graceful stop (SIGTERM: no save, as `save ""`), SIGKILL if it takes longer than `timeoutMs`. */
  async stop(timeoutMs = STOP_TIMEOUT_MS): Promise<void> {
    if (!this.isRunning()) return this.#exited;
    const exited = this.#exited;
    this.#child?.kill('SIGTERM');
    if (this.#paused) this.#child?.kill('SIGCONT');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), timeoutMs);
    });
    const late = await Promise.race([exited.then(() => false), timedOut]);
    clearTimeout(timer);
    if (late) await this.kill('SIGKILL');
  }

  /** A connected ioredis client (with this node's password). The caller must `quit()` it. */
  client(opts: RedisOptions = {}): Promise<Redis> {
    return connectClient({ host: this.host, port: this.#port, password: this.password, ...opts });
  }

  async #launch(): Promise<void> {
    rmSync(this.logPath, { force: true }); // so the log tail in errors is about this attempt
    this.#output = '';
    this.#paused = false;
    const args = this.role === 'sentinel' ? [this.confPath, '--sentinel'] : [this.confPath];
    const child = spawn(this.spec.redisServer, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.#child = child;
    const keepOutput = (chunk: Buffer): void => {
      this.#output = (this.#output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keepOutput);
    child.stderr?.on('data', keepOutput);
    let spawnError: Error | undefined;
    this.#exited = new Promise((resolve) => {
      child.once('error', (err) => {
        spawnError = err;
        resolve();
      });
      child.once('exit', () => resolve());
    });
    const pid = child.pid;
    if (pid !== undefined) {
      trackProcess(pid, this);
      void this.#exited.then(() => untrackProcess(pid));
    }

    try {
      await waitFor(() => this.#probeReady(child, () => spawnError), {
        timeoutMs: this.spec.startTimeoutMs ?? 15_000,
        intervalMs: 50,
        what: `${this.role} on ${this.address} to answer PING`,
      });
    } catch (err) {
      await this.kill('SIGKILL');
      const log = this.logTail();
      if (/Address already in use/i.test(log)) throw new PortInUseError(`port ${this.#port} is taken:\n${log}`);
      const reason = err instanceof Error ? err.message : String(err);
      throw new Error(
        `${this.role} redis-server failed to start on ${this.address}: ${reason}\n` +
          `config: ${this.confPath}\n--- last log lines ---\n${log}`,
      );
    }
  }

  /** Ready = the process on our port is *our* process (not a neighbour's) and answers PING. */
  async #probeReady(child: ChildProcess, spawnError: () => Error | undefined): Promise<boolean> {
    if (child.exitCode !== null || child.signalCode !== null || spawnError()) {
      const why = spawnError()?.message ?? `exit code ${child.exitCode}, signal ${child.signalCode}`;
      throw new AbortWaitError(`process exited (${why})`);
    }
    return withProbeClient({ host: this.host, port: this.#port }, this.password, async (client) => {
      const info = parseInfo(await client.info('server'));
      if (Number(info.process_id) !== child.pid) {
        throw new Error(`port ${this.#port} is served by another process (${info.process_id})`);
      }
      return (await client.ping()) === 'PONG';
    });
  }

  /** Last lines of the node's log file and of its stdout/stderr, for error messages. */
  logTail(lines = 25): string {
    const log = existsSync(this.logPath) ? readFileSync(this.logPath, 'utf8') : '';
    const text = `${log}\n${this.#output}`.trim();
    return text ? text.split('\n').slice(-lines).join('\n') : '(no log output)';
  }
}

/** Starts a node on a free port and resolves once it answers PING. */
export async function startRedisNode(spec: RedisNodeSpec): Promise<RedisNode> {
  const node = new RedisNode(spec);
  await node.startOnFreePort();
  return node;
}
