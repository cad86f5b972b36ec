import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installMissingPackages, installPlan } from './installPrerequisites.mjs';

const facts = {
  packages: ['redis-server', 'chromium'],
  uid: 1000,
  sudoWithoutPassword: false,
  hasAptGet: true,
  ci: false,
  interactive: false,
};

describe('installPlan', () => {
  it('installs as root without sudo, asking only when a person is at the terminal and not under CI', () => {
    expect(installPlan({ ...facts, uid: 0 })).toEqual({
      kind: 'install',
      sudo: false,
      ask: false,
      command: 'apt-get install -y redis-server chromium',
    });
    expect(installPlan({ ...facts, uid: 0, interactive: true })).toMatchObject({ kind: 'install', ask: true });
    expect(installPlan({ ...facts, uid: 0, interactive: true, ci: true })).toMatchObject({
      kind: 'install',
      ask: false,
    });
  });
  it('uses sudo only when it needs no password', () => {
    expect(installPlan({ ...facts, sudoWithoutPassword: true })).toEqual({
      kind: 'install',
      sudo: true,
      ask: false,
      command: 'sudo apt-get install -y redis-server chromium',
    });
    expect(installPlan(facts)).toEqual({ kind: 'print', command: 'sudo apt-get install -y redis-server chromium' });
  });
  it('prints the command where there is no apt-get, and does nothing when nothing is missing', () => {
    expect(installPlan({ ...facts, uid: 0, hasAptGet: false })).toEqual({
      kind: 'print',
      command: 'apt-get install -y redis-server chromium',
    });
    expect(installPlan({ ...facts, packages: [] })).toEqual({ kind: 'nothing' });
  });
});

// The real install path with apt-get / apt-cache / sudo replaced by scripts that record their
// arguments: a fresh image (no package lists) gets `apt-get update` before the install.
describe('installMissingPackages', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function fakeApt(knowsPackages: boolean): { env: NodeJS.ProcessEnv; log: () => string[] } {
    dir = mkdtempSync(join(tmpdir(), 'redlens-apt-'));
    const log = join(dir, 'log');
    const script = (body: string) => `#!/bin/sh\n${body}\n`;
    const tools: Record<string, string> = {
      'apt-get': script(`echo "apt-get $*" >> "${log}"`),
      'apt-cache': script(`echo "apt-cache $*" >> "${log}"; exit ${knowsPackages ? 0 : 100}`),
      sudo: script(`[ "$1" = "-n" ] && shift; exec "$@"`),
    };
    for (const [name, body] of Object.entries(tools)) {
      writeFileSync(join(dir, name), body);
      chmodSync(join(dir, name), 0o755);
    }
    const env = { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}`, CI: 'true' };
    return { env, log: () => readFileSync(log, 'utf8').trim().split('\n') };
  }

  it('runs apt-get update first when the package lists do not know the packages', async () => {
    const apt = fakeApt(false);
    await expect(installMissingPackages(['redis-server', 'chromium'], apt.env)).resolves.toBe(true);
    const calls = apt.log().filter((l) => l.startsWith('apt-get') && !l.endsWith('--version'));
    expect(calls).toEqual(['apt-get update -qq', 'apt-get install -y -qq redis-server chromium']);
  });

  it('installs straight away when the package lists know them', async () => {
    const apt = fakeApt(true);
    await expect(installMissingPackages(['redis-server'], apt.env)).resolves.toBe(true);
    expect(apt.log().filter((l) => l.startsWith('apt-get') && !l.endsWith('--version'))).toEqual([
      'apt-get install -y -qq redis-server',
    ]);
  });
});
