import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/apiFailure';
import { useTempDataDir } from '../profiles/testSupport/tempDataDir';
import { loadTlsOptions, MAX_PEM_BYTES } from './tlsOptions';

// TLS file paths come from profiles, i.e. from anyone who can call the API: only regular files
// of a sane size are read, nothing blocks, and errors never quote a file's content.
const fixture = (name: string) => path.join(import.meta.dirname, '../sessions/testSupport/tls', name);
const tls = (files: { caFile?: string; certFile?: string; keyFile?: string }) => ({
  enabled: true,
  verify: true,
  ...files,
});

async function failure(promise: Promise<unknown>): Promise<ApiFailure> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ApiFailure) return e;
    throw e;
  }
  throw new Error('expected a TLS_FAILED failure');
}

describe('loadTlsOptions reads only regular, small PEM files', () => {
  const dir = useTempDataDir('redlens-tls-files-');

  it('reads a real CA file (also through a symlink, as /etc/ssl/certs has them)', async () => {
    symlinkSync(fixture('ca.pem'), path.join(dir(), 'linked-ca.pem'));
    const options = await loadTlsOptions(tls({ caFile: path.join(dir(), 'linked-ca.pem') }));
    expect(options?.ca).toEqual(readFileSync(fixture('ca.pem')));
  });

  it('refuses FIFOs at once, and four of them do not stall other file reads', async () => {
    const fifos = [1, 2, 3, 4].map((i) => path.join(dir(), `fifo-${i}.pem`));
    for (const fifo of fifos) execFileSync('mkfifo', [fifo]);
    const failures = await Promise.all(fifos.map((caFile) => failure(loadTlsOptions(tls({ caFile })))));
    for (const [i, f] of failures.entries()) {
      expect(f.code).toBe('TLS_FAILED');
      expect(f.message).toBe(
        `Cannot use the CA file ${fifos[i]}: it is not a regular file (a folder, device or pipe).`,
      );
    }
    // libuv has four threads for file I/O: a read stuck on a FIFO would hold one each.
    expect(await readFile(fixture('ca.pem'))).toBeInstanceOf(Buffer);
  });

  it.each([
    [
      'a folder',
      () => {
        mkdirSync(path.join(dir(), 'folder.pem'));
        return path.join(dir(), 'folder.pem');
      },
    ],
    ['/dev/zero', () => '/dev/zero'],
    ['/dev/null', () => '/dev/null'],
  ])('refuses %s as not a regular file', async (_, make) => {
    const caFile = make();
    const f = await failure(loadTlsOptions(tls({ caFile })));
    expect(f.message).toBe(`Cannot use the CA file ${caFile}: it is not a regular file (a folder, device or pipe).`);
    expect(f.details).toEqual({ file: caFile, problem: 'not-a-file' });
  });

  it('refuses a file over 1 MiB without reading it', async () => {
    const big = path.join(dir(), 'big.pem');
    writeFileSync(big, Buffer.alloc(MAX_PEM_BYTES + 1, 0x41));
    const f = await failure(loadTlsOptions(tls({ keyFile: big })));
    expect(f.message).toBe(
      `Cannot use the client key file ${big}: it is larger than 1 MiB, too big for a PEM certificate or key.`,
    );
  });

  it('words a missing and an unreachable file alike, and never quotes file content', async () => {
    const missing = await failure(loadTlsOptions(tls({ caFile: path.join(dir(), 'nope.pem') })));
    const underAFile = await failure(loadTlsOptions(tls({ caFile: '/etc/hostname/x.pem' })));
    expect(missing.message).toMatch(/: it does not exist or Redlens is not allowed to read it\.$/);
    expect(underAFile.message).toMatch(/: it does not exist or Redlens is not allowed to read it\.$/);

    const secretLike = path.join(dir(), 'shadow');
    writeFileSync(secretLike, 'root:$6$SECRETHASH$abcdef:19000:0:99999:7:::\n');
    for (const files of [{ caFile: secretLike }, { certFile: secretLike, keyFile: secretLike }]) {
      const f = await failure(loadTlsOptions(tls(files)));
      expect(f.code).toBe('TLS_FAILED');
      expect(f.message).not.toMatch(/SECRETHASH|root:/);
    }
  });
});
