import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileForChildProcess, type CompiledFolders } from '../profiles/testSupport/compileForChildProcess';
import { useTempDataDir } from '../profiles/testSupport/tempDataDir';
import { createKeyFileCipher, KEY_FILE_NAME } from './keyFileCipher';

// Several processes starting at the same instant on an empty data dir must agree on one key.
const WORKER = `
const [cipherModule, dataDir, startAt] = process.argv.slice(2);
const { createKeyFileCipher } = await import(cipherModule);
while (Date.now() < Number(startAt)) {}
process.stdout.write(createKeyFileCipher(dataDir).encrypt('from pid ' + process.pid));
`;

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`worker exited ${code}: ${err}`))));
  });
}

describe('key file creation across processes', () => {
  const dataDir = useTempDataDir('redlens-cipher-race-');
  let compiled: CompiledFolders;
  beforeAll(() => {
    compiled = compileForChildProcess(['electron/core/secrets', 'electron/core/api', 'shared/api']);
    writeFileSync(path.join(compiled.dir, 'worker.mjs'), WORKER);
  });
  afterAll(() => compiled.dispose());

  it('ends with one key that every process used', async () => {
    const startAt = Date.now() + 700;
    const args = [
      path.join(compiled.dir, 'worker.mjs'),
      compiled.resolve('electron/core/secrets/keyFileCipher.ts'),
      dataDir(),
      String(startAt),
    ];
    const sealed = await Promise.all(Array.from({ length: 6 }, () => run(args)));

    expect(readdirSync(dataDir())).toEqual([KEY_FILE_NAME]);
    expect(readFileSync(path.join(dataDir(), KEY_FILE_NAME))).toHaveLength(32);
    const cipher = createKeyFileCipher(dataDir());
    for (const text of sealed) expect(cipher.decrypt(text)).toMatch(/^from pid \d+$/);
  });
});
