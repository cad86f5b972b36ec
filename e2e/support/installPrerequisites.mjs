// `npm test` on a fresh Debian machine: when redis-server or Chromium is missing and we may run
// apt-get (root, or sudo without a password), say in one line what will be installed and install
// it — asking first when a person is at the terminal, never under CI=true. Otherwise print the
// exact command. The decision is a pure function so it is tested without touching the machine.
import { spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline/promises';

/**
 * What to do about missing Debian packages.
 * @param {{ packages: string[], uid: number, sudoWithoutPassword: boolean, hasAptGet: boolean,
 *           ci: boolean, interactive: boolean }} facts
 * @returns {{ kind: 'nothing' } | { kind: 'print', command: string }
 *         | { kind: 'install', sudo: boolean, ask: boolean, command: string }}
 */
export function installPlan({ packages, uid, sudoWithoutPassword, hasAptGet, ci, interactive }) {
  if (packages.length === 0) return { kind: 'nothing' };
  const root = uid === 0;
  const command = `${root ? '' : 'sudo '}apt-get install -y ${packages.join(' ')}`;
  if (!hasAptGet || (!root && !sudoWithoutPassword)) return { kind: 'print', command };
  return { kind: 'install', sudo: !root, ask: interactive && !ci, command };
}

/** The machine's facts for installPlan. */
export function machineFacts(packages, env = process.env) {
  const uid = typeof process.getuid === 'function' ? process.getuid() : -1;
  const ok = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore', env }).status === 0;
  return {
    packages,
    uid,
    hasAptGet: ok('apt-get', ['--version']),
    sudoWithoutPassword: uid !== 0 && ok('sudo', ['-n', 'true']),
    ci: /^(1|true|yes)$/i.test(env.CI ?? ''),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  };
}

/**
 * Install the packages when the plan allows it. Returns true when they were installed; false when
 * the user declined, could not install, or the install failed (the caller then prints what is missing).
 */
export async function installMissingPackages(packages, env = process.env) {
  const plan = installPlan(machineFacts(packages, env));
  if (plan.kind !== 'install') return false;
  if (plan.ask && !(await confirm(`Install ${packages.join(' and ')} now (${plan.command})? [Y/n] `))) return false;
  console.log(`Installing ${packages.join(', ')}: ${plan.command}`);
  const sudo = plan.sudo ? ['sudo', '-n'] : [];
  const run = (args) => {
    const [cmd, ...rest] = [...sudo, ...args];
    return spawnSync(cmd, rest, { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  };
  // A fresh image has no package lists: `apt-cache show` then knows none of the packages.
  const known = packages.every((p) => spawnSync('apt-cache', ['show', p], { stdio: 'ignore', env }).status === 0);
  if (!known && !run(['apt-get', 'update', '-qq'])) return false;
  return run(['apt-get', 'install', '-y', '-qq', ...packages]);
}

async function confirm(question) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = (await rl.question(question)).trim().toLowerCase();
    return answer === '' || answer === 'y' || answer === 'yes';
  } finally {
    rl.close();
  }
}
