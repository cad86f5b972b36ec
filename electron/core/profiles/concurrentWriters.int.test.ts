import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileForChildProcess, type CompiledFolders } from './testSupport/compileForChildProcess';
import { serviceFor, standalone } from './testSupport/profileFixtures';
import { useTempDataDir } from './testSupport/tempDataDir';

const PER_WRITER = 20;

// One app instance: creates PER_WRITER profiles at once, all starting at `startAt`.
const WORKER = `
const [root, dataDir, tag, count, startAt] = process.argv.slice(2);
const load = (p) => import(root + '/' + p);
const { createProfileService } = await load('electron/core/profiles/profileService.js');
const { createKeyFileCipher } = await load('electron/core/secrets/keyFileCipher.js');
const { EventBus } = await load('electron/core/events/eventBus.js');
const { ProfileInputSchema } = await load('shared/api/profiles.js');
const service = createProfileService({ dataDir, cipher: createKeyFileCipher(dataDir), events: new EventBus() });
await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
await Promise.all(
  Array.from({ length: Number(count) }, (_, i) =>
    service.create(ProfileInputSchema.parse({ kind: 'standalone', name: tag + '-' + i, host: 'h', port: 1000 + i, password: 'pw-' + tag + '-' + i })),
  ),
);
`;

function runWorker(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}: ${stderr}`))));
  });
}

async function expectAllSaved(dataDir: string, tags: string[]) {
  const { service } = serviceFor(dataDir);
  const { profiles, notices } = await service.list();
  expect(notices).toEqual([]);
  const expected = tags.flatMap((tag) => Array.from({ length: PER_WRITER }, (_, i) => `${tag}-${i}`));
  expect(profiles.map((p) => p.name).sort()).toEqual(expected.sort());
  for (const p of profiles) expect((await service.resolve(p.id)).password).toBe(`pw-${p.name}`);
  // No lock, temp or stale files left behind.
  expect(readdirSync(dataDir).sort()).toEqual([
    'profiles.json',
    'profiles.json.bak.1',
    'profiles.json.bak.2',
    'profiles.json.bak.3',
    'secret.key',
  ]);
}

describe('concurrent writers on one data dir', () => {
  const dataDir = useTempDataDir('redlens-concurrent-');
  let compiled: CompiledFolders;
  beforeAll(() => {
    compiled = compileForChildProcess([
      'electron/core/profiles',
      'electron/core/files',
      'electron/core/secrets',
      'electron/core/api',
      'electron/core/events',
      'shared/api',
    ]);
    writeFileSync(path.join(compiled.dir, 'worker.mjs'), WORKER);
  });
  afterAll(() => compiled.dispose());

  it('two services in one process: all profiles are saved', async () => {
    const [a, b] = [serviceFor(dataDir()).service, serviceFor(dataDir()).service];
    await Promise.all(
      (['a', 'b'] as const).flatMap((tag) =>
        Array.from({ length: PER_WRITER }, (_, i) =>
          (tag === 'a' ? a : b).create(standalone(`${tag}-${i}`, { port: 1000 + i, password: `pw-${tag}-${i}` })),
        ),
      ),
    );
    await expectAllSaved(dataDir(), ['a', 'b']);
  });

  it('two node processes: all profiles are saved, with one shared key', async () => {
    const startAt = Date.now() + 1_000;
    const worker = path.join(compiled.dir, 'worker.mjs');
    await Promise.all(
      ['p1', 'p2'].map((tag) => runWorker([worker, compiled.dir, dataDir(), tag, String(PER_WRITER), String(startAt)])),
    );
    await expectAllSaved(dataDir(), ['p1', 'p2']);
  });
});
