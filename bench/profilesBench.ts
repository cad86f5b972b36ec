import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatch, type Handlers } from '../electron/core/api/dispatch';
import { EventBus } from '../electron/core/events/eventBus';
import { writeFileAtomic } from '../electron/core/profiles/atomicWrite';
import { profileHandlers } from '../electron/core/profiles/profileHandlers';
import { createProfileService } from '../electron/core/profiles/profileService';
import { serializeProfilesFile, type StoredProfile } from '../electron/core/profiles/storedProfile';
import { createKeyFileCipher } from '../electron/core/secrets/keyFileCipher';
import { median, type BenchMetric } from './benchTable';

export interface ProfilesBenchOptions {
  /** Saved profiles (default 10,000). */
  profiles: number;
  /** Timed repetitions of each call; the median is reported. */
  runs: number;
  log?: (line: string) => void;
}

const stored = (i: number): StoredProfile => ({
  kind: 'standalone',
  id: `bench-${String(i).padStart(8, '0')}`,
  name: `Profile ${i}`,
  host: `redis-${i}.internal`,
  port: 6379,
  color: 'blue',
  group: `group ${i % 50}`,
  readOnly: i % 3 === 0,
  connectTimeoutMs: 10_000,
  keyDelimiter: ':',
  scanCount: 1_000,
  db: 0,
  tls: { enabled: false, verify: true },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times;
}

const figure = (metric: string, runs: number[], baseline?: number[]): BenchMetric => {
  const value = median(runs);
  const base = baseline && median(baseline);
  return { metric, value, unit: 'ms', runs, ...(base ? { baseline: base, ratio: value / base } : {}) };
};

/**
 * `profiles.list` / `profiles.create` through dispatch with many saved profiles, against the
 * raw file work they are built on, measured in the same run: reading + JSON.parse of the file
 * (list), and one atomic write of it (create, which writes the backup and the file).
 */
export async function runProfilesBench(opts: ProfilesBenchOptions): Promise<{ metrics: BenchMetric[] }> {
  const log = opts.log ?? (() => undefined);
  const dataDir = mkdtempSync(join(tmpdir(), 'redlens-bench-profiles-'));
  try {
    const file = join(dataDir, 'profiles.json');
    const text = serializeProfilesFile(Array.from({ length: opts.profiles }, (_, i) => stored(i)));
    writeFileSync(file, text, { mode: 0o600 });
    log(`${opts.profiles.toLocaleString('en')} profiles: ${(text.length / 1024 / 1024).toFixed(1)} MB file`);

    const service = createProfileService({ dataDir, cipher: createKeyFileCipher(dataDir), events: new EventBus() });
    const dispatch = createDispatch(profileHandlers(service) as Handlers);
    const call = async (method: string, input: unknown) => {
      const result = await dispatch(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    };

    const rawRead = await timeRuns(opts.runs, async () => JSON.parse(await readFile(file, 'utf8')));
    const firstList = await timeRuns(1, () => call('profiles.list', {}));
    const list = await timeRuns(opts.runs, () => call('profiles.list', {}));
    const rawWrite = await timeRuns(opts.runs, () => writeFileAtomic(join(dataDir, 'raw.json'), text));
    let n = 0;
    const create = await timeRuns(opts.runs, () =>
      call('profiles.create', { profile: { kind: 'standalone', name: `new ${n++}`, host: 'h', port: 1 } }),
    );
    const metrics = [
      figure('profiles.list, first call (reads + validates the file)', firstList, rawRead),
      figure('profiles.list (median)', list, rawRead),
      figure('profiles.create (median)', create, rawWrite),
    ];
    log('baselines: read + JSON.parse of the file (list); one atomic write of it (create)');
    return { metrics };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
