import fc from 'fast-check';
import { ProfileInputSchema } from '../../../../shared/api/profiles';
import { nastyString } from './hostileValues';
import { fuzzInput, type FieldOverrides } from './schemaArbitrary';

/*
 * Inputs for the profile, session, server, topology, sandbox and app methods. Everything that
 * connects goes to loopback only: the test's Redis or a closed port (never a random host), and
 * ids are placeholders for the live ones, replaced when the call is made.
 */

export interface Places {
  /** The test's Redis (it needs a password). */
  redisPort: number;
  /** A loopback port nothing listens on. */
  closedPort: number;
  /** Paths for TLS files: a garbage file, a directory, a missing file. */
  paths: string[];
}

/** Secrets only the fuzz knows: any of them in an answer (other than echoed from the call's input) is a leak. */
export const FUZZ_SECRETS = ['fz-secret-7Qx1pP', 'fz-secret-m2Lk9Z', 'fz-secret-Ab3Cd4'];
export const PROFILE_TOKENS = Array.from({ length: 8 }, (_, i) => `@profile:${i}`);
export const SESSION_TOKENS = ['@session:0', '@session:1', '@session:2'];
export const ALL_PROFILES_TOKEN = '@profiles:all';
export const HOSTS = ['127.0.0.1', 'localhost', ' 127.0.0.1 '];

/**
 * A copy of `value` with whatever would connect pointed at loopback: hosts outside HOSTS become
 * 127.0.0.1, ports other than the test's become the closed one, connect timeouts stay short.
 * Used on inputs the contract accepts (the others never connect), so the schema still meets
 * hostile hosts.
 */
export function tamed(value: unknown, places: Places, depth = 0): unknown {
  if (depth > 3 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => tamed(item, places, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const copy: Record<string, unknown> = {};
  for (const [name, inner] of Object.entries(value)) copy[name] = tamed(inner, places, depth + 1);
  if (typeof copy['host'] === 'string' && !HOSTS.includes(copy['host'])) copy['host'] = '127.0.0.1';
  if (typeof copy['port'] === 'number' && copy['port'] !== places.redisPort) copy['port'] = places.closedPort;
  if (typeof copy['connectTimeoutMs'] === 'number' && copy['connectTimeoutMs'] > 1_000)
    copy['connectTimeoutMs'] = 1_000;
  return copy;
}

/** JSON text of anything the arbitraries make (BigInts as strings; too deep → a plain list). */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? 'null';
  } catch {
    return '[]';
  }
}

const secret = fc.oneof(fc.constantFrom(...FUZZ_SECRETS), fc.constant(null), nastyString);

function urlArb(places: Places): fc.Arbitrary<string> {
  const port = fc.constantFrom(places.redisPort, places.closedPort);
  return fc.oneof(
    fc
      .tuple(fc.constantFrom('redis', 'rediss', 'redis+sentinel', 'http', ''), fc.constantFrom(...FUZZ_SECRETS), port)
      .map(([scheme, pw, p]) => `${scheme}://user:${pw}@127.0.0.1:${p}/2`),
    fc.constantFrom(
      'redis://:%E0%A4%A@127.0.0.1:6379',
      'redis://127.0.0.1:99999/0',
      'redis://[::1',
      'redis://127.0.0.1:6379/-1',
      'redis://127.0.0.1:6379/1e400',
      'redis://a@b@c:1',
      'redis+sentinel://127.0.0.1:26379,127.0.0.1:1/mymaster?role=replica',
      'redis://127.0.0.1/?tls=true&db=__proto__',
    ),
    fc.webUrl(),
    nastyString,
  );
}

/** Export files to import: real-looking ones with hostile entries, broken text, deep JSON. */
function importJsonArb(overrides: FieldOverrides, places: Places): fc.Arbitrary<string> {
  const entry = fuzzInput(ProfileInputSchema, overrides).map((e) => tamed(e, places));
  const file = fc
    .tuple(fc.array(entry, { maxLength: 4 }), fc.constantFrom<unknown>(1, 0, 2, -1, '1', null))
    .map(([profiles, version]) => ({ format: 'redlens.profiles.export', version, profiles }));
  return fc.oneof(
    file.map(jsonText),
    fc.tuple(file, fc.nat()).map(([f, cut]) => {
      const text = jsonText(f);
      return text.slice(0, cut % text.length);
    }),
    fc.integer({ min: 1_000, max: 200_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
    fc.constantFrom(
      '{"format":"redlens.profiles","version":1,"profiles":[]}',
      '{"format":"redlens.profiles.export","version":1,"profiles":{"length":3}}',
      '{"format":"redlens.profiles.export","version":1,"profiles":[{"__proto__":{"kind":"standalone"}}]}',
      '\ufeff{"format":"redlens.profiles.export","version":1,"profiles":[]}',
      '{"format":"redlens.profiles.export","version":1e400,"profiles":[]}',
    ),
    nastyString.filter((s) => s.length > 0),
  );
}

export function profileOverrides(places: Places): FieldOverrides {
  const connection: FieldOverrides = {
    host: fc.constantFrom(...HOSTS),
    port: fc.constantFrom(places.redisPort, places.closedPort),
    password: secret,
    sentinelPassword: secret,
    keyPassphrase: secret,
    caFile: fc.constantFrom(...places.paths),
    certFile: fc.constantFrom(...places.paths),
    keyFile: fc.constantFrom(...places.paths),
    connectTimeoutMs: fc.constantFrom(500, 1_000),
    masterName: fc.oneof(fc.constant('mymaster'), nastyString),
    db: fc.constantFrom(0, 1, 15, 16, 100_000),
  };
  return {
    ...connection,
    id: fc.constantFrom(...PROFILE_TOKENS, 'no-such-profile'),
    profileId: fc.constantFrom(...PROFILE_TOKENS, 'no-such-profile'),
    ids: fc.oneof(fc.constant(ALL_PROFILES_TOKEN), fc.array(fc.constantFrom(...PROFILE_TOKENS), { maxLength: 8 })),
    sessionId: fc.constantFrom(...SESSION_TOKENS, 'no-such-session'),
    watchId: fc.constantFrom('@watch:0', 'no-such-watch'),
    url: urlArb(places),
    json: importJsonArb(connection, places),
  };
}
