import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { saveProfileAndConnect } from '../e2e/support/profileFlow';
import { keyRegion, openKey } from '../e2e/support/valueEditorFlow';
import type { BenchMetric } from './benchTable';
import { withUiBed } from './uiBed';
import { longTasksSince, nextFrame, pageNow, recordLongTasks, summarizeLongTasks } from './uiProbe';

export interface ValuesUiBenchOptions {
  /** Size of each big string in MB (default 50). */
  mb: number;
  log?: (line: string) => void;
}

const MAX_LONG_TASK_MS = 50;
/** A slow load is a result, not a hang: give up on one phase after this long. */
const PHASE_TIMEOUT_MS = 180_000;
/** Quiet time after a phase ends, so work it scheduled (layout, measuring) is counted too. */
const SETTLE_MS = 500;

/** ~`bytes` of JSON lines, like a log or an export: a text value with many lines. */
function jsonLines(bytes: number): Buffer {
  const lines: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const line = `{"ts":${1_700_000_000_000 + n},"level":"info","n":${n},"msg":"request ${n} handled by worker ${n % 7}"}\n`;
    lines.push(line);
    size += line.length;
  }
  return Buffer.from(lines.join('')).subarray(0, bytes);
}

interface Phase {
  ms: number;
  longest: number;
  count: number;
}

/** Runs a UI phase and returns how long it took and the long tasks it caused. */
async function phase(page: Page, run: () => Promise<void>): Promise<Phase> {
  const mark = await pageNow(page);
  const t = performance.now();
  await run();
  const ms = performance.now() - t;
  await nextFrame(page);
  await page.waitForTimeout(SETTLE_MS);
  return { ms, ...summarizeLongTasks(await longTasksSince(page, mark)) };
}

/** Opens a key: its first 1 MB shown, the "Load whole value" button there. */
async function openPartial(page: Page, key: string): Promise<void> {
  await openKey(page, key);
  await keyRegion(page)
    .getByRole('button', { name: /^Load whole value/ })
    .waitFor();
}

/** Clicks "Load whole value" and waits until the whole value is shown (Text editor or Hex rows). */
async function loadWhole(page: Page): Promise<void> {
  const region = keyRegion(page);
  await region.getByRole('button', { name: /^Load whole value/ }).click();
  await region.locator('.partial-banner').waitFor({ state: 'detached', timeout: PHASE_TIMEOUT_MS });
  await region.getByLabel('Value', { exact: true }).first().waitFor({ timeout: PHASE_TIMEOUT_MS });
}

/** Scrolls the value with the mouse wheel, a frame between steps. */
async function scrollValue(page: Page, steps: number): Promise<void> {
  const box = await keyRegion(page).getByLabel('Value', { exact: true }).first().boundingBox();
  if (!box) throw new Error('the value is not visible');
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, 2_000);
    await nextFrame(page);
  }
}

/** Types one character at the start of the Text editor and saves (Ctrl+S). */
async function editAndSave(page: Page): Promise<void> {
  const region = keyRegion(page);
  await region.getByRole('textbox', { name: 'Value', exact: true }).click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.insertText('y');
  await page.keyboard.press('ControlOrMeta+s');
  await region.getByText(/^Saved /).waitFor({ timeout: PHASE_TIMEOUT_MS });
}

const longTaskMetric = (what: string, p: Phase): BenchMetric => ({
  metric: `longest renderer task, ${what}: ${p.count} long task${p.count === 1 ? '' : 's'}`,
  value: p.longest,
  unit: 'ms',
  target: `<= ${MAX_LONG_TASK_MS} ms`,
  ok: p.longest <= MAX_LONG_TASK_MS,
});

/**
 * Big string values through the web host in Chromium: opening a text value (JSON lines) and
 * random bytes (their first 1 MB), "Load whole value" from there to the whole value on screen,
 * scrolling it, then (text) one edit saved. Records every long task (> 50 ms) of the page.
 */
export async function runValuesUiBench(opts: ValuesUiBenchOptions): Promise<BenchMetric[]> {
  const log = opts.log ?? (() => undefined);
  const bytes = opts.mb * 1024 * 1024;
  return withUiBed(async ({ redis, host, browser, admin }) => {
    await admin.set('big:text', jsonLines(bytes));
    await admin.set('big:bin', randomBytes(bytes));
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await recordLongTasks(page);
    await page.goto(host.url);
    await saveProfileAndConnect(page, 'Bench', redis.port);
    const metrics: BenchMetric[] = [];
    for (const [key, what] of [
      ['big:text', `${opts.mb} MB text`],
      ['big:bin', `${opts.mb} MB binary`],
    ] as const) {
      const open = await phase(page, () => openPartial(page, key));
      const load = await phase(page, () => loadWhole(page));
      log(`${what}: loaded whole in ${load.ms.toFixed(0)} ms; longest task ${load.longest.toFixed(0)} ms`);
      const scroll = await phase(page, () => scrollValue(page, 30));
      metrics.push(
        longTaskMetric(`opening ${what} (its first 1 MB)`, open),
        { metric: `${what}: "Load whole value" click to the value on screen`, value: load.ms, unit: 'ms' },
        longTaskMetric(`loading ${what} whole`, load),
        longTaskMetric(`scrolling ${what} (30 wheel steps)`, scroll),
      );
      if (key === 'big:text') {
        const save = await phase(page, () => editAndSave(page));
        const saved = await admin.strlen(key);
        if (saved !== bytes + 1) throw new Error(`the save wrote ${saved} bytes, not ${bytes + 1}`);
        log(`${what}: saved in ${save.ms.toFixed(0)} ms; longest task ${save.longest.toFixed(0)} ms`);
        metrics.push(
          { metric: `${what}: Ctrl+S to "Saved"`, value: save.ms, unit: 'ms' },
          longTaskMetric(`saving ${what}`, save),
        );
      }
    }
    return metrics;
  });
}
