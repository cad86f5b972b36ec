import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface RunningWebHost {
  url: string;
  origin: string;
  token: string;
  port: number;
  /** The host process (benchmarks read its CPU time). */
  pid: number | undefined;
  /** Every line the process printed to stdout. */
  stdout: string[];
  dataDir: string;
  stop(): Promise<void>;
}

/** The one line the host prints; the token is in the fragment (never sent to a server). */
const LINE = /^Redlens listening on ((https?):\/\/([^/]+)\/#token=(\S+))$/;

/**
 * Starts the built web host (`node out/node/serve.js --port 0`) exactly as a user would, with
 * its own data directory, and resolves with the URL from the one line it prints.
 */
export async function startWebHostProcess(
  script = 'out/node/serve.js',
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
  /** Reuse a data directory (e.g. to restart the host); it is then left in place on stop. */
  existingDataDir?: string,
): Promise<RunningWebHost> {
  const dataDir = existingDataDir ?? mkdtempSync(join(tmpdir(), 'redlens-e2e-home-'));
  const child: ChildProcess = spawn(process.execPath, [script, '--port', '0', ...args], {
    env: { ...process.env, REDLENS_HOME: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));

  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.on('line', (line) => {
      stdout.push(line);
      const m = LINE.exec(line);
      if (m) resolve(m);
    });
    child.once('exit', (code) =>
      reject(new Error(`web host exited (${code}) before listening:\n${stdout.join('\n')}\n${stderr}`)),
    );
  });

  return {
    url: match[1]!,
    origin: `${match[2]}://${match[3]}`,
    port: Number(match[3]!.split(':').pop()),
    token: match[4]!,
    pid: child.pid,
    stdout,
    dataDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!existingDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
