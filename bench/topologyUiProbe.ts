import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Page } from 'playwright-core';
import type { RedisNode } from '../electron/core/localRedis/testSupport';

// Clocks for the topology UI benchmark: when the sentinels publish an event (our own PSUBSCRIBE
// clients) and when the page shows its consequence (a MutationObserver in the page). Both sides
// read the wall clock as performance.timeOrigin + performance.now(), on the same machine.

export interface Published {
  channel: string;
  message: string;
  at: number;
}

export interface Shown {
  /**
   * `delivered`: a `topology.alert` reached the page over the WebSocket (`text`: its message,
   * the code and facts as JSON); `banner`: an alert's text appeared or changed on screen;
   * `master`: the diagram's master card changed.
   */
  what: 'delivered' | 'banner' | 'master';
  text: string;
  at: number;
}

/**
 * Subscribes (`PSUBSCRIBE *`) to every sentinel from a separate, otherwise idle process, so
 * the receive times are not delayed by this busy one (it drives Chromium). Prints one JSON
 * line per message; exits when its stdin closes, i.e. when we do.
 */
const LISTENER = `
  import { Redis } from 'ioredis';
  const clock = () => performance.timeOrigin + performance.now();
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
  for (const { host, port, password } of JSON.parse(process.env.SENTINELS)) {
    const client = new Redis({ host, port, password });
    client.on('error', () => {});
    client.on('pmessage', (_pattern, channel, message) => {
      process.stdout.write(JSON.stringify({ channel, message, at: clock() }) + '\\n');
    });
    await client.psubscribe('*');
  }
  process.stdout.write('ready\\n');
`;

/** The sentinels' events in arrival order: the first of a kind is its publish time. */
export async function listenToSentinels(sentinels: readonly RedisNode[]) {
  const published: Published[] = [];
  const endpoints = sentinels.map((s) => ({ host: s.host, port: s.port, password: s.password }));
  const child = spawn(process.execPath, ['--input-type=module', '-e', LISTENER], {
    env: { ...process.env, SENTINELS: JSON.stringify(endpoints) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the sentinel listener exited (${code})`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'ready') resolve();
      else published.push(JSON.parse(line) as Published);
    });
  });
  return {
    published,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Before the app's scripts: notes when each `topology.alert` arrives over the WebSocket. */
const RECORD_DELIVERY = `
  window.__shown = [];
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (typeof e.data !== 'string' || !e.data.includes('"topology.alert"')) return;
        const at = performance.timeOrigin + performance.now();
        window.__shown.push({ what: 'delivered', text: JSON.stringify(JSON.parse(e.data).payload.message), at });
      });
    }
  };
`;

/** Records in the page every banner text and every change of the diagram's master card. */
const RECORD_SHOWN = `
  const now = () => performance.timeOrigin + performance.now();
  let banners = new Set();
  let master = '';
  const note = () => {
    const at = now();
    const texts = new Set();
    for (const el of document.querySelectorAll('.topo-alert-text')) {
      const text = el.textContent || '';
      texts.add(text);
      if (!banners.has(text)) window.__shown.push({ what: 'banner', text, at });
    }
    banners = texts;
    const card = [...document.querySelectorAll('[data-node]')]
      .map((el) => el.getAttribute('aria-label') || '')
      .find((label) => / — master — /.test(label));
    const address = card ? card.split(' — ')[0] : '';
    if (address !== master) {
      master = address;
      window.__shown.push({ what: 'master', text: address, at });
    }
  };
  new MutationObserver(note).observe(document.body, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label'],
  });
  note();
`;

/** Call before the page loads. */
export async function recordDelivery(page: Page): Promise<void> {
  await page.addInitScript({ content: RECORD_DELIVERY });
}
export const recordShown = (page: Page): Promise<void> => page.evaluate<void>(RECORD_SHOWN);
export const shownSoFar = (page: Page): Promise<Shown[]> => page.evaluate<Shown[]>('window.__shown');
