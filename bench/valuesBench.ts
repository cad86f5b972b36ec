import type Redis from 'ioredis';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { startStandalone } from '../electron/core/localRedis/testSupport';
import { standaloneProfile } from '../electron/core/sessions/testSupport/sessionTestbed';
import { valueTestbed } from '../electron/core/values/testSupport/valueTestbed';

export interface ValuesBenchOptions {
  /** Fields of the big hash (default 1,000,000). */
  fields: number;
  /** Size of the big string in MB (default 50). */
  stringMb: number;
  /** Timed repetitions of each open (the median and worst are reported). */
  runs: number;
  outFile?: string;
  log?: (line: string) => void;
}

export interface ValuesBenchMetric {
  metric: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
}

export interface ValuesBenchResult {
  fields: number;
  stringBytes: number;
  runs: number;
  metrics: ValuesBenchMetric[];
}

/** The HSCAN COUNT the hash table asks for on its first page (values.hash.scan's default). */
const PAGE = 200;
const FIELDS_PER_HSET = 1_000;
const HSETS_IN_FLIGHT = 50;

async function loadHash(client: Redis, key: string, fields: number): Promise<void> {
  let pipeline = client.pipeline();
  for (let from = 0, batches = 1; from < fields; from += FIELDS_PER_HSET, batches++) {
    const args: string[] = [];
    for (let i = from; i < Math.min(fields, from + FIELDS_PER_HSET); i++)
      args.push(`field:${i}`, `{"id":${i},"name":"user ${i}"}`);
    pipeline.hset(key, ...args);
    if (batches % HSETS_IN_FLIGHT === 0) {
      await pipeline.exec();
      pipeline = client.pipeline();
    }
  }
  await pipeline.exec();
}

/** Median and worst of `runs` timings of `fn` (after one warm-up run). */
async function timed(runs: number, fn: () => Promise<unknown>): Promise<{ median: number; worst: number }> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, worst: times[times.length - 1]! };
}

/**
 * Opening big values through core (input validation, type checks, byte encoding for the UI),
 * against a real redis-server, compared with the raw ioredis call each open is built on: the
 * first page of a hash with 1M fields (values.header + values.hash.scan, as the editor asks
 * for them together) and the partial open of a 50 MB string (header + first 1 MB).
 */
export async function runValuesBench(opts: ValuesBenchOptions): Promise<ValuesBenchResult> {
  const log = opts.log ?? (() => undefined);
  const redis = await startStandalone();
  const bed = valueTestbed();
  let admin: Redis | undefined;
  try {
    admin = await redis.node.client();
    const raw = admin;
    const t = performance.now();
    await loadHash(admin, 'bench:hash', opts.fields);
    const stringBytes = opts.stringMb * 1024 * 1024;
    await admin.set('bench:string', Buffer.alloc(stringBytes, 0x61));
    log(
      `loaded a hash of ${opts.fields.toLocaleString('en')} fields and a ${opts.stringMb} MB string in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    bed.profiles.set('bench', standaloneProfile({ host: '127.0.0.1', port: redis.port }));
    const sessionId = (await bed.sessions.open('bench')).id;
    const key = 'bench:hash';

    const rawScan = await timed(opts.runs, () => raw.hscanBuffer(key, '0', 'COUNT', PAGE));
    const openHash = await timed(opts.runs, async () => {
      const [header, page] = await Promise.all([
        bed.call('values.header', { sessionId, key }),
        bed.call('values.hash.scan', { sessionId, key, count: PAGE }),
      ]);
      if (header.size !== opts.fields || page.entries.length === 0) throw new Error('the hash did not open');
    });
    const rawRange = await timed(opts.runs, () => raw.getrangeBuffer('bench:string', 0, 1024 * 1024 - 1));
    const openString = await timed(opts.runs, async () => {
      const [, loaded] = await Promise.all([
        bed.call('values.header', { sessionId, key: 'bench:string' }),
        bed.call('values.string.get', { sessionId, key: 'bench:string' }),
      ]);
      if (!loaded.partial) throw new Error('the string loaded whole');
    });

    const metrics: ValuesBenchMetric[] = [
      { metric: `raw HSCAN COUNT ${PAGE} (median)`, value: rawScan.median, unit: 'ms' },
      {
        metric: `open hash of ${opts.fields.toLocaleString('en')}: header + first page (median)`,
        value: openHash.median,
        unit: 'ms',
      },
      {
        metric: 'open hash: header + first page (worst)',
        value: openHash.worst,
        unit: 'ms',
        target: '<= 100',
        ok: openHash.worst <= 100,
      },
      { metric: 'open hash / raw HSCAN (medians)', value: openHash.median / rawScan.median, unit: 'x' },
      { metric: 'raw GETRANGE of 1 MB (median)', value: rawRange.median, unit: 'ms' },
      { metric: `open ${opts.stringMb} MB string: header + first 1 MB (median)`, value: openString.median, unit: 'ms' },
      {
        metric: `open ${opts.stringMb} MB string (worst)`,
        value: openString.worst,
        unit: 'ms',
        target: '<= 100',
        ok: openString.worst <= 100,
      },
      { metric: 'open string / raw GETRANGE (medians)', value: openString.median / rawRange.median, unit: 'x' },
    ];
    const result: ValuesBenchResult = { fields: opts.fields, stringBytes, runs: opts.runs, metrics };
    if (opts.outFile) {
      mkdirSync(dirname(opts.outFile), { recursive: true });
      writeFileSync(opts.outFile, `${JSON.stringify({ ...result, at: new Date().toISOString() }, null, 2)}\n`);
    }
    return result;
  } finally {
    admin?.disconnect();
    await bed.dispose();
    await redis.stop();
  }
}

/** The results as an aligned text table. */
export function formatValuesTable(result: ValuesBenchResult): string {
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
