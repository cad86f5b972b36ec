import type Redis from 'ioredis';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { loadKeyspace, rawScan } from './benchData';
import { loadAverage } from './benchCli';
import { atMost, measured, ratioAtMost, type BenchMetric } from './benchTable';
import { withUiBed } from './uiBed';

export interface UiKeyIndexBenchOptions {
  keys: number;
  /** Rounds of (open through the UI, raw SCAN loops); the medians are reported. */
  rounds: number;
  log?: (line: string) => void;
}

/** The raw loop's COUNTs; the fastest of them in each round is the baseline (its best case). */
export const RAW_COUNTS = [1_000, 10_000, 50_000];

const PROFILE = 'Bench';

interface Round {
  /** Click on the saved profile to "All N keys loaded" in the scan status. */
  loadedMs: number;
  /** Click to the first tree row shown. */
  firstRowsMs: number;
  rawMs: number;
  rawCount: number;
  /** CPU time of the web host process during the UI load, ms (-1 when not readable). */
  hostCpuMs: number;
  load: string;
}

/**
 * What the user waits for: in Debian's Chromium through the built web host, from the click on a
 * saved profile until the scan status says the whole keyspace is loaded, and until the first
 * tree rows show. Each round opens a fresh page, clicks the profile, waits, closes the session;
 * then raw ioredis SCAN loops run over the same server with each of RAW_COUNTS and the fastest
 * is the baseline of that round.
 */
export async function runUiKeyIndexBench(opts: UiKeyIndexBenchOptions): Promise<BenchMetric[]> {
  const log = opts.log ?? (() => undefined);
  return withUiBed(async ({ redis, host, browser, admin }) => {
    const space = await loadKeyspace(admin, opts.keys);
    log(`UI key index: loaded ${space.keys.toLocaleString('en')} keys in ${(space.loadMs / 1000).toFixed(1)} s`);
    await saveProfile(browser, host.url, redis.port);
    for (const count of RAW_COUNTS) await rawScan(admin, count); // warm-up: server, ioredis
    await openThroughUi(browser, host.url, opts.keys, host.pid); // warm-up: host, page, JIT

    const rounds: Round[] = [];
    for (let r = 0; r < opts.rounds; r++) {
      const load = loadAverage().join(' ');
      const ui = await openThroughUi(browser, host.url, opts.keys, host.pid);
      const raw = await bestRawScan(admin, opts.keys);
      rounds.push({ ...ui, rawMs: raw.ms, rawCount: raw.count, load });
      log(
        `UI round ${r + 1}: all keys loaded ${ui.loadedMs.toFixed(0)} ms, first rows ${ui.firstRowsMs.toFixed(0)} ms, ` +
          `best raw SCAN ${raw.ms.toFixed(0)} ms (COUNT ${raw.count}), host CPU ${ui.hostCpuMs.toFixed(0)} ms, load ${load}`,
      );
    }
    return metricsOf(rounds, opts.keys);
  });
}

/** Saves the profile through the form once (the rounds start from the home screen's list). */
export async function saveProfile(browser: Browser, url: string, port: number): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(url);
    await page.getByRole('button', { name: 'New connection' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill(PROFILE);
    await page.getByLabel('Port', { exact: true }).fill(String(port));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: `Connect to ${PROFILE}` }).waitFor();
  } finally {
    await page.close();
  }
}

/**
 * Times taken in the page (Playwright's waits poll, with steps up to 500 ms): a capturing click
 * listener notes the click, a MutationObserver the first tree row and the "All N keys loaded"
 * line as they enter the DOM (before that frame is painted).
 */
const timeInPage = (loadedText: string) => `
  window.__keyIndexBench = {};
  const marks = window.__keyIndexBench;
  document.addEventListener('click', () => { marks.click ??= performance.now(); }, true);
  const check = () => {
    if (marks.click === undefined) return;
    if (marks.firstRow === undefined && document.querySelector('[role="tree"] [role="treeitem"]')) {
      marks.firstRow = performance.now();
    }
    if (marks.loaded === undefined &&
        [...document.querySelectorAll('[role="status"]')].some((el) => el.textContent.includes(${JSON.stringify(loadedText)}))) {
      marks.loaded = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
`;

export async function openThroughUi(browser: Browser, url: string, keys: number, hostPid: number | undefined) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(url);
    const connect = page.getByRole('button', { name: `Connect to ${PROFILE}` });
    await connect.waitFor();
    await page.evaluate(timeInPage(loadedText(keys)));
    const cpu = cpuOf(hostPid);
    await connect.click();
    await allLoaded(page, keys);
    const hostCpuMs = cpu < 0 ? -1 : cpuOf(hostPid) - cpu;
    await page.getByRole('tree', { name: 'Keys' }).getByRole('treeitem').first().waitFor();
    const marks = (await page.evaluate('window.__keyIndexBench')) as {
      click: number;
      firstRow: number;
      loaded: number;
    };
    await page.getByRole('button', { name: `Close ${PROFILE}` }).click();
    await page.getByRole('button', { name: `Connect to ${PROFILE}` }).waitFor();
    return { loadedMs: marks.loaded - marks.click, firstRowsMs: marks.firstRow - marks.click, hostCpuMs };
  } finally {
    await page.close();
  }
}

const loadedText = (keys: number) => `All ${keys.toLocaleString('en-US')} keys loaded`;

/** Waits for the scan status to say the whole keyspace is loaded. */
async function allLoaded(page: Page, keys: number): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: loadedText(keys) })
    .waitFor({ timeout: 60_000 + keys / 10 });
}

async function bestRawScan(admin: Redis, keys: number): Promise<{ ms: number; count: number }> {
  let best = { ms: Infinity, count: 0 };
  for (const count of RAW_COUNTS) {
    const raw = await rawScan(admin, count);
    if (raw.keys < keys) throw new Error(`the raw SCAN saw ${raw.keys} keys of ${keys}`);
    if (raw.ms < best.ms) best = { ms: raw.ms, count };
  }
  return best;
}

/** User + system CPU time of a process so far, ms, from /proc (Linux); -1 when unreadable. */
function cpuOf(pid: number | undefined): number {
  if (pid === undefined) return -1;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 (utime, stime) in clock ticks; 100 per second on Linux.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return -1;
  }
}

function metricsOf(rounds: Round[], keys: number): BenchMetric[] {
  const of = (pick: (r: Round) => number) => rounds.map(pick);
  const n = keys.toLocaleString('en');
  const counts = [...new Set(of((r) => r.rawCount))].join('/');
  return [
    ratioAtMost(
      `UI: saved profile click to "All ${n} keys loaded" vs best raw SCAN loop (COUNT ${counts})`,
      of((r) => r.loadedMs),
      of((r) => r.rawMs),
      'ms',
      1.5,
    ),
    atMost(
      'UI: saved profile click to first tree rows shown',
      of((r) => r.firstRowsMs),
      'ms',
      150,
    ),
    // Its ratio is not ratioRuns: CPU time over wall time is not a per-run comparison to judge.
    {
      ...measured(
        'UI: web host CPU time while loading (baseline: best raw SCAN wall time)',
        of((r) => r.hostCpuMs),
        'ms',
        of((r) => r.rawMs),
      ),
      ratioRuns: undefined,
    },
    measured(
      'UI: load average (1 min) at the start of each round',
      of((r) => Number(r.load.split(' ')[0])),
      '',
    ),
  ];
}
