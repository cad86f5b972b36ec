import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFileLock } from './fileLock';
import { useTempDataDir } from './testSupport/tempDataDir';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A pid that belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('withFileLock', () => {
  const dir = useTempDataDir('redlens-lock-');
  const lockPath = () => path.join(dir(), 'profiles.json.lock');

  it('holds an exclusive lock naming its holder, and releases it', async () => {
    const seen = await withFileLock(lockPath(), async () => JSON.parse(readFileSync(lockPath(), 'utf8')));
    expect(seen).toMatchObject({
      pid: process.pid,
      host: hostname(),
      at: expect.any(Number),
      token: expect.any(String),
    });
    expect(existsSync(lockPath())).toBe(false);
  });

  it('releases the lock when the work throws', async () => {
    await expect(withFileLock(lockPath(), async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lockPath())).toBe(false);
  });

  it('serialises concurrent holders', async () => {
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withFileLock(lockPath(), async () => {
          maxInside = Math.max(maxInside, ++inside);
          await sleep(5);
          inside--;
        }),
      ),
    );
    expect(maxInside).toBe(1);
  });

  it('takes over a lock whose holder died', async () => {
    writeFileSync(lockPath(), JSON.stringify({ pid: deadPid(), host: hostname(), at: Date.now(), token: 'x' }));
    const started = Date.now();
    await withFileLock(lockPath(), async () => undefined);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(readdirSync(dir())).toEqual([]);
  });

  it('takes over a lock older than staleMs, even from a live process', async () => {
    writeFileSync(lockPath(), JSON.stringify({ pid: process.pid, host: hostname(), at: 0, token: 'x' }));
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath(), old, old);
    await withFileLock(lockPath(), async () => undefined, { staleMs: 10_000 });
    expect(readdirSync(dir())).toEqual([]);
  });

  it('waits for a live holder and gives up with STORAGE_ERROR naming it', async () => {
    writeFileSync(lockPath(), JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now(), token: 'x' }));
    const error = await withFileLock(lockPath(), async () => 'ran', { staleMs: 5_000, timeoutMs: 150 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'STORAGE_ERROR',
      message: expect.stringContaining(`process ${process.pid} on ${hostname()}`),
    });
    expect(existsSync(lockPath())).toBe(true);
  });

  it('does not remove a lock that is no longer its own', async () => {
    await withFileLock(lockPath(), async () => {
      // Someone judged us stale and took over meanwhile.
      writeFileSync(lockPath(), JSON.stringify({ pid: 1, host: 'elsewhere', at: Date.now(), token: 'theirs' }));
    });
    expect(existsSync(lockPath())).toBe(true);
  });
});
