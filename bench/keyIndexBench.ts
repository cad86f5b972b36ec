import type Redis from 'ioredis';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startStandalone } from '../electron/core/localRedis/testSupport';
import type { KeyService } from '../electron/core/keys/keyService';
import { keyTestbed } from '../electron/core/keys/testSupport/keyTestbed';
import { standaloneProfile } from '../electron/core/sessions/testSupport/sessionTestbed';
import { loadKeyspace, rawScan, type BenchKeyspace } from './benchData';
import { atMost, measured, ratioAtMost, type BenchMetric } from './benchTable';
import { retainedMemory } from './heap';

export interface KeyIndexBenchOptions {
  keys: number;
  /** Index builds (each next to its own raw SCAN loop); the medians are reported. */
  rounds: number;
  log?: (line: string) => void;
}

export interface KeyIndexBenchResult {
  keys: number;
  scannedKeys: number;
  state: string;
  metrics: BenchMetric[];
}

interface Round {
  buildMs: number;
  firstRowsMs: number;
  /** The longest the event loop was held up during the build (indexing, GC, other work). */
  blockedMs: number;
  /** Retained memory (JS heap + ArrayBuffers) added by the complete index, bytes per 1M keys. */
  bytesPerMillion: number;
  /** The COUNT the app's scan had adapted to, and the raw loop's time with it. */
  count: number;
  rawMs: number;
  /** CPU time of this process plus the redis-server for each, ms: less sensitive to other load. */
  buildCpuMs: number;
  rawCpuMs: number;
  expandMs: number;
  midMs: number;
}

const nextTick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * The key browser's core at scale, against a real redis-server: in each round a fresh session
 * builds the complete index through the key service, then a raw ioredis SCAN loop runs over the
 * same keyspace with the COUNT the app ended with (its largest: the baseline's best case); both
 * start after a full GC. Also time to first rows, memory retained by the index, and opening a
 * folder with 100,000 direct children.
 */
export async function runKeyIndexBench(opts: KeyIndexBenchOptions): Promise<KeyIndexBenchResult> {
  const log = opts.log ?? (() => undefined);
  const redis = await startStandalone();
  const bed = keyTestbed();
  const admin = await redis.node.client();
  try {
    const space = await loadKeyspace(admin, opts.keys);
    log(`loaded ${space.keys.toLocaleString('en')} keys in ${(space.loadMs / 1000).toFixed(1)} s`);
    bed.profiles.set('bench', standaloneProfile({ host: '127.0.0.1', port: redis.port }));
    const profileCount = bed.sessions.keyBrowsing((await bed.sessions.open('bench')).id).scanCount;
    await rawScan(admin, profileCount); // warm-up: server, ioredis, JIT

    const rounds: Round[] = [];
    let last = { keys: 0, state: '' };
    for (let r = 0; r < opts.rounds; r++) {
      await bed.sessions.closeAll();
      const sessionId = (await bed.sessions.open('bench')).id;
      const build = await buildIndex(bed.service, sessionId, admin);
      await retainedMemory();
      const cpu = await cpuClock(admin);
      const raw = await rawScan(admin, build.count);
      const rawCpuMs = (await cpuClock(admin)) - cpu;
      const wide = expandWideFolder(bed.service, sessionId, space);
      rounds.push({ ...build, rawMs: raw.ms, rawCpuMs, ...wide });
      last = bed.service.status(sessionId, 0);
      log(
        `round ${r + 1}: index ${build.buildMs.toFixed(0)} ms, raw SCAN ${raw.ms.toFixed(0)} ms (COUNT ${build.count}), ${last.keys.toLocaleString('en')} keys, ${last.state}`,
      );
    }
    const rawProfile = await rawScan(admin, profileCount);
    return {
      keys: opts.keys,
      scannedKeys: last.keys,
      state: last.state,
      metrics: metricsOf(rounds, rawProfile.ms, profileCount, space),
    };
  } finally {
    admin.disconnect();
    await bed.dispose();
    await redis.stop();
  }
}

/** CPU used so far by this process and the redis-server, ms. */
async function cpuClock(admin: Redis): Promise<number> {
  const info = await admin.info('cpu');
  const server = ['used_cpu_user', 'used_cpu_sys'].reduce(
    (sum, field) => sum + Number(new RegExp(`^${field}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN),
    0,
  );
  const { user, system } = process.cpuUsage();
  return server * 1000 + (user + system) / 1000;
}

/** A full scan into a fresh index, timed from the call; memory measured after full GCs. */
async function buildIndex(service: KeyService, sessionId: string, admin: Redis) {
  const before = await retainedMemory();
  const cpu = await cpuClock(admin);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const t = performance.now();
  await service.scan(sessionId, 0, {});
  while (service.rows(sessionId, 0, 0, 100, 'tree').rows.length === 0) await nextTick();
  const firstRowsMs = performance.now() - t;
  await service.settled(sessionId);
  const buildMs = performance.now() - t;
  delay.disable();
  const buildCpuMs = (await cpuClock(admin)) - cpu;
  const count = service.scanCount(sessionId) ?? 0;
  const keys = service.status(sessionId, 0).keys;
  const added = (await retainedMemory()) - before;
  const blockedMs = delay.max / 1e6;
  return { buildMs, buildCpuMs, firstRowsMs, blockedMs, count, bytesPerMillion: (added / keys) * 1e6 };
}

/** Expands the wide folder and reads its first 100 rows, then 100 from its middle; collapses it again. */
function expandWideFolder(service: KeyService, sessionId: string, space: BenchKeyspace) {
  const top = service.rows(sessionId, 0, 0, 1_000, 'tree').rows;
  const at = top.findIndex((r) => r.kind === 'folder' && r.prefix === space.wideFolder);
  let t = performance.now();
  service.expand(sessionId, 0, space.wideFolder, true);
  const first = service.rows(sessionId, 0, at + 1, 100, 'tree').rows;
  const expandMs = performance.now() - t;
  t = performance.now();
  service.rows(sessionId, 0, at + 1 + Math.floor(space.wideChildren / 2), 100, 'tree');
  const midMs = performance.now() - t;
  service.expand(sessionId, 0, space.wideFolder, false);
  if (first.length !== Math.min(100, space.wideChildren)) throw new Error('the wide folder did not open');
  return { expandMs, midMs };
}

function metricsOf(rounds: Round[], rawProfileMs: number, profileCount: number, space: BenchKeyspace): BenchMetric[] {
  const of = (pick: (r: Round) => number) => rounds.map(pick);
  const counts = [...new Set(of((r) => r.count))].join('/');
  const wide = space.wideChildren.toLocaleString('en');
  return [
    ratioAtMost(
      `complete index through the key service vs raw SCAN loop (COUNT ${counts})`,
      of((r) => r.buildMs),
      of((r) => r.rawMs),
      'ms',
      1.5,
    ),
    measured(
      'CPU time of the same (this process + redis-server)',
      of((r) => r.buildCpuMs),
      'ms',
      of((r) => r.rawCpuMs),
    ),
    {
      metric: `raw SCAN loop with the profile's COUNT ${profileCount} (once)`,
      value: rawProfileMs,
      unit: 'ms',
    },
    atMost(
      'first tree rows after scan start',
      of((r) => r.firstRowsMs),
      'ms',
      150,
    ),
    measured(
      'longest event-loop delay in this process during the build',
      of((r) => r.blockedMs),
      'ms',
    ),
    atMost(
      'memory retained by the index per 1M keys (heap + ArrayBuffers)',
      of((r) => r.bytesPerMillion / 2 ** 20),
      'MB',
      150,
    ),
    atMost(
      `expand folder of ${wide} + first 100 rows (core)`,
      of((r) => r.expandMs),
      'ms',
      50,
    ),
    measured(
      'then 100 rows from its middle (core)',
      of((r) => r.midMs),
      'ms',
    ),
    { metric: 'seeding the keyspace (Lua, server side)', value: space.loadMs / 1000, unit: 's' },
  ];
}
