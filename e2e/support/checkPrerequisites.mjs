// Before any test: say precisely what is missing (redis-server, Chromium, node_modules) and how
// to install it, instead of letting a test fail deep inside with a cryptic error.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const onPath = (name) =>
  (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, name))
    .find((p) => {
      try {
        accessSync(p, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });

/** Chromium's flags for tests and benchmarks: no network here besides loopback, so keep it from phoning home at start-up. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? onPath('chromium');
}

/** Debian packages to install for what is missing (only where no REDIS_SERVER / CHROMIUM_PATH override is set). */
export function missingPackages() {
  const packages = [];
  if (!process.env.REDIS_SERVER && !onPath('redis-server')) packages.push('redis-server');
  if (!process.env.CHROMIUM_PATH && !findChromium()) packages.push('chromium');
  return packages;
}

export function missingPrerequisites() {
  const missing = [];
  const redis = process.env.REDIS_SERVER ?? onPath('redis-server');
  if (!redis || !existsSync(redis)) {
    missing.push(
      process.env.REDIS_SERVER
        ? `redis-server: REDIS_SERVER=${process.env.REDIS_SERVER} does not exist.`
        : 'redis-server (7.x) is not installed: sudo apt-get install -y redis-server   (or set REDIS_SERVER=/path/to/redis-server)',
    );
  }
  if (!findChromium()) {
    missing.push(
      process.env.CHROMIUM_PATH
        ? `Chromium: CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`
        : 'Chromium is not installed: sudo apt-get install -y chromium   (or set CHROMIUM_PATH=/path/to/chromium)',
    );
  }
  if (!existsSync('node_modules/.bin/vitest')) missing.push('Dependencies are not installed: npm ci');
  return missing;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const missing = missingPrerequisites();
  if (missing.length) {
    console.error('Redlens tests need:\n' + missing.map((m) => `  - ${m}`).join('\n'));
    process.exit(1);
  }
}
