import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { startStandalone } from '../core/harness';
import { keyTestbed } from '../core/keys/keyTestbed';
import { standaloneProfile } from '../core/sessions/testSupport';
import { loadKeyspace, rawScan } from './benchData';
import { retainedHeap } from './heap';

export interface BenchOptions {
  keys: number;
  /** Where to write the JSON results; nothing is written when absent. */
  outFile?: string;
  log?: (line: string) => void;
}

export interface BenchMetric {
  metric: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
}

export interface BenchResult {
  keys: number;
  scannedKeys: number;
  state: string;
  metrics: BenchMetric[];
}

const nextTick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * The key browser at scale, against a real redis-server: the full index build through the key
 * service compared with a raw ioredis SCAN loop over the same keyspace, time to first rows,
 * retained heap, and opening a folder with 100,000 direct children.
 */
export async function runKeyIndexBench(opts: BenchOptions): Promise<BenchResult> {
  const log = opts.log ?? (() => undefined);
  const redis = await startStandalone();
  const bed = keyTestbed();
  try {
    const admin = await redis.node.client();
    let t = performance.now();
    const space = await loadKeyspace(admin, opts.keys);
    log(`loaded ${space.keys.toLocaleString('en')} keys in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    bed.profiles.set('bench', standaloneProfile({ host: '127.0.0.1', port: redis.port }));
    const session = await bed.sessions.open('bench');
    const scanCount = bed.sessions.keyBrowsing(session.id).scanCount;
    const { service } = bed;

    await rawScan(admin, scanCount); // warm-up: server, ioredis, JIT
    const rawProfile = await rawScan(admin, scanCount);

    const heapBefore = await retainedHeap();
    t = performance.now();
    await service.scan(session.id, {});
    while (service.rows(session.id, 0, 100, 'tree').rows.length === 0) await nextTick();
    const firstRowsMs = performance.now() - t;
    await service.settled(session.id);
    const buildMs = performance.now() - t;
    const status = service.status(session.id);
    const appCount = service.scanCount(session.id) ?? scanCount;
    const heapAfter = await retainedHeap();
    const heapPerMillionMb = (((heapAfter - heapBefore) / status.keys) * 1e6) / 2 ** 20;
    const rawApp = await rawScan(admin, appCount);
    log(`index: ${status.state}, ${status.keys.toLocaleString('en')} keys in ${status.calls} SCAN calls`);

    const top = service.rows(session.id, 0, 1_000, 'tree').rows;
    const wideAt = top.findIndex((r) => r.kind === 'folder' && r.prefix === space.wideFolder);
    t = performance.now();
    service.expand(session.id, space.wideFolder, true);
    const wideRows = service.rows(session.id, wideAt + 1, 100, 'tree').rows;
    const expandMs = performance.now() - t;
    t = performance.now();
    service.rows(session.id, wideAt + 1 + Math.floor(space.wideChildren / 2), 100, 'tree');
    const midWindowMs = performance.now() - t;
    if (wideRows.length !== Math.min(100, space.wideChildren)) throw new Error('the wide folder did not open');

    const ratio = buildMs / rawApp.ms;
    const metrics: BenchMetric[] = [
      { metric: `raw SCAN loop, COUNT ${scanCount} (profile)`, value: rawProfile.ms, unit: 'ms' },
      { metric: `raw SCAN loop, COUNT ${appCount} (app's adapted COUNT)`, value: rawApp.ms, unit: 'ms' },
      { metric: 'complete index through the key service', value: buildMs, unit: 'ms' },
      { metric: 'index build / raw SCAN (same COUNT)', value: ratio, unit: 'x', target: '<= 1.5', ok: ratio <= 1.5 },
      { metric: 'index build / raw SCAN (profile COUNT)', value: buildMs / rawProfile.ms, unit: 'x' },
      {
        metric: 'first rows after scan start',
        value: firstRowsMs,
        unit: 'ms',
        target: '<= 150',
        ok: firstRowsMs <= 150,
      },
      {
        metric: 'heap retained by the index per 1M keys',
        value: heapPerMillionMb,
        unit: 'MB',
        target: '<= 150',
        ok: heapPerMillionMb <= 150,
      },
      {
        metric: `expand folder of ${space.wideChildren.toLocaleString('en')} + first 100 rows`,
        value: expandMs,
        unit: 'ms',
        target: '<= 50',
        ok: expandMs <= 50,
      },
      { metric: 'then 100 rows from its middle', value: midWindowMs, unit: 'ms' },
    ];
    const result: BenchResult = { keys: opts.keys, scannedKeys: status.keys, state: status.state, metrics };
    if (opts.outFile) {
      mkdirSync(dirname(opts.outFile), { recursive: true });
      writeFileSync(opts.outFile, `${JSON.stringify({ ...result, at: new Date().toISOString() }, null, 2)}\n`);
    }
    admin.disconnect();
    return result;
  } finally {
    await bed.dispose();
    await redis.stop();
  }
}

/** The results as an aligned text table. */
export function formatTable(result: BenchResult): string {
  const rows = [
    ['metric', 'value', 'target', 'ok?'],
    ...result.metrics.map((m) => [
      m.metric,
      `${m.value.toFixed(m.unit === 'x' ? 2 : 1)} ${m.unit}`,
      m.target ? `${m.target} ${m.unit}` : '',
      m.ok === undefined ? '' : m.ok ? 'yes' : 'NO',
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')).join('\n');
}
