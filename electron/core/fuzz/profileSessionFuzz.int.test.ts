import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type MethodName } from '../../../shared/api/methods';
import type { ProfileView } from '../../../shared/api/profiles';
import type { Result } from '../../../shared/api/result';
import { createCore, type Core } from '../createCore';
import { freePort, startStandalone, type StandaloneServer } from '../localRedis/testSupport';
import {
  answerTally,
  brief,
  fuzz,
  eventWatch,
  FUZZ_TEST_TIMEOUT_MS,
  invoke,
  leakedSecrets,
  looseJson,
  resultProblem,
} from './testSupport/fuzzRun';
import { ALL_PROFILES_TOKEN, FUZZ_SECRETS, profileOverrides, tamed, type Places } from './testSupport/profileInputs';
import { fuzzInput } from './testSupport/schemaArbitrary';

// Every other method (profiles, sessions, server, topology, sandbox, app) through the real
// dispatch with random and hostile inputs. Each call answers a Result (never INTERNAL), never
// carries a saved secret back, and changes only the profile it names; the profiles file it
// leaves behind loads in a new core with every profile in it.
const METHODS = (Object.keys(API) as MethodName[]).filter((m) => !m.startsWith('keys.') && !m.startsWith('values.'));
const RUNS = 40;

const REDIS_PASSWORD = 'fz-saved-redis-pw-Q81';
const SAVED_SECRETS = [REDIS_PASSWORD, 'fz-saved-sentinel-pw-Z02', 'fz-saved-passphrase-K77', 'fz-saved-other-pw-P35'];
/** Every secret a profile may hold: none may come back in an answer or an event, nor sit in a file in clear. */
const SECRETS = [...SAVED_SECRETS, ...FUZZ_SECRETS];

let dataDir: string;
let filesDir: string;
let core: Core;
let redis: StandaloneServer;
let places: Places;
const events: unknown[] = [];
let watchId = '';
const answers = answerTally();
let sentEvents: ReturnType<typeof eventWatch>;

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const listProfiles = async () => unwrap(await core.invoke('profiles.list', {})).profiles;

/** The live ids in place of the placeholders (top level only: that is where ids live). */
async function materialize(input: unknown): Promise<unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  const ids = (await listProfiles()).map((p) => p.id);
  const sessionIds = unwrap(await core.invoke('sessions.list', {})).map((s) => s.id);
  const pick = (list: string[], token: string) => list[Number(token.split(':')[1]) % Math.max(list.length, 1)];
  const live = (v: unknown): unknown => {
    if (typeof v !== 'string') return v;
    if (v.startsWith('@profile:')) return pick(ids, v) ?? 'none-left';
    if (v.startsWith('@session:')) return pick(sessionIds, v) ?? 'none-open';
    if (v === '@watch:0') return watchId || 'none-yet';
    return v;
  };
  for (const [name, value] of Object.entries(copy)) {
    if (value === ALL_PROFILES_TOKEN) copy[name] = [...ids].reverse();
    else copy[name] = Array.isArray(value) ? value.map(live) : live(value);
  }
  return copy;
}

/** What a successful call may do to the saved profiles; anything else (and any failure) changes nothing. */
function profileChangeProblem(
  method: MethodName,
  input: unknown,
  ok: boolean,
  before: ProfileView[],
  after: ProfileView[],
) {
  const was = new Map(before.map((p) => [p.id, JSON.stringify(p)]));
  const is = new Map(after.map((p) => [p.id, JSON.stringify(p)]));
  const added = after.filter((p) => !was.has(p.id)).map((p) => p.id);
  const removed = before.filter((p) => !is.has(p.id)).map((p) => p.id);
  const changed = after.filter((p) => was.has(p.id) && was.get(p.id) !== is.get(p.id)).map((p) => p.id);
  const kept = (list: ProfileView[]) =>
    list
      .filter((p) => was.has(p.id) && is.has(p.id))
      .map((p) => p.id)
      .join();
  const reordered = kept(before) !== kept(after);
  const named = (input as { id?: unknown } | undefined)?.id;
  const allowed = {
    added: ok && ['profiles.create', 'profiles.duplicate', 'profiles.import'].includes(method),
    oneAdded: method !== 'profiles.import',
    removed: ok && method === 'profiles.delete',
    changed: ok && method === 'profiles.update',
    reordered: ok && method === 'profiles.reorder',
  };
  if (added.length && (!allowed.added || (allowed.oneAdded && added.length > 1))) return `added ${added.length}`;
  if (removed.length && (!allowed.removed || removed.some((id) => id !== named))) return `removed ${removed}`;
  if (changed.length && (!allowed.changed || changed.some((id) => id !== named))) return `changed ${changed}`;
  if (reordered && !allowed.reordered) return 'reordered';
  return undefined;
}

/** One call, checked: a Result, no secret out, only the named profile changed, open sessions bounded. */
async function checkedCall(method: MethodName, raw: unknown): Promise<void> {
  const live = await materialize(raw);
  const input = API[method].input.safeParse(live).success ? tamed(live, places) : live;
  const before = await listProfiles();
  events.length = 0;
  const result = await invoke(core, method, input);
  answers.record(method, result);
  const after = await listProfiles();

  const problem = resultProblem(result);
  if (problem) throw new Error(`${method}: ${problem}`);
  const leaked = leakedSecrets(SECRETS, input, result);
  if (leaked.length) throw new Error(`${method} answered saved secrets ${leaked.join(', ')}: ${brief(result)}`);
  sentEvents.check();
  const leakedInEvents = leakedSecrets(SECRETS, input, events);
  if (leakedInEvents.length) throw new Error(`${method}: an event carried ${leakedInEvents.join(', ')}`);
  const changes = profileChangeProblem(method, input, result.ok, before, after);
  if (changes) throw new Error(`${method} → ${result.ok ? 'ok' : result.error.code}: profiles ${changes}`);

  if (method === 'topology.watch' && result.ok) watchId = (result.value as { watchId: string }).watchId;
  // Sessions the fuzz opened stay few (each holds connections).
  const open = unwrap(await core.invoke('sessions.list', {}));
  for (const s of open.slice(0, Math.max(0, open.length - 3))) await core.invoke('sessions.close', { sessionId: s.id });
  await resetProfiles();
}

/** Profiles with every kind of secret, so the fuzz can try to get them back out. */
function savedProfiles(): Record<string, unknown>[] {
  // Short connect timeouts: the TLS one meets a plain Redis and waits for its TLS handshake.
  const at = { host: '127.0.0.1', port: redis.port, connectTimeoutMs: 1_000 };
  return [
    { kind: 'standalone', name: 'Saved password', ...at, password: REDIS_PASSWORD },
    {
      kind: 'sentinel',
      name: 'Saved sentinel',
      sentinels: [
        { host: '127.0.0.1', port: redis.port },
        { host: '127.0.0.1', port: places.closedPort },
      ],
      connectTimeoutMs: 1_000,
      masterName: 'mymaster',
      password: SAVED_SECRETS[3],
      sentinelPassword: SAVED_SECRETS[1],
    },
    {
      kind: 'standalone',
      name: 'Saved TLS',
      ...at,
      password: REDIS_PASSWORD,
      tls: { enabled: true, keyPassphrase: SAVED_SECRETS[2], caFile: places.paths[0] },
    },
    { kind: 'standalone', name: 'Read-only', ...at, password: REDIS_PASSWORD, readOnly: true },
  ];
}

/**
 * Between calls (outside the checks): the saved profiles with secrets are there again if the
 * fuzz deleted them, and the profiles it added are cut to a few (the list stays fast).
 */
async function resetProfiles(): Promise<void> {
  const list = await listProfiles();
  const seeds = savedProfiles();
  const names = new Set(seeds.map((p) => p.name));
  for (const profile of seeds) {
    if (!list.some((p) => p.name === profile['name']))
      unwrap(await core.invoke('profiles.create', { profile } as never));
  }
  const extra = list.filter((p) => !names.has(p.name));
  for (const p of extra.slice(0, Math.max(0, extra.length - 6)))
    unwrap(await core.invoke('profiles.delete', { id: p.id }));
}

/** Every file under `dir` (the profiles file, its backups, the key file…). */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'redlens-fuzz-profiles-'));
  filesDir = mkdtempSync(join(tmpdir(), 'redlens-fuzz-files-'));
  writeFileSync(join(filesDir, 'garbage.pem'), '-----BEGIN CERTIFICATE-----\n\u0000\u00ff garbage\n');
  mkdirSync(join(filesDir, 'a-directory'));
  redis = await startStandalone({ password: REDIS_PASSWORD });
  places = {
    redisPort: redis.port,
    closedPort: await freePort(),
    paths: [join(filesDir, 'garbage.pem'), join(filesDir, 'a-directory'), join(filesDir, 'missing.pem'), ''],
  };
  core = createCore({ version: '0.0.0-test', host: 'web', dataDir });
  sentEvents = eventWatch(core);
  core.events.onAny((event, payload) => {
    events.push({ event, payload });
  });
  await resetProfiles();
}, 60_000);
afterAll(async () => {
  answers.print();
  await core?.dispose();
  await redis?.stop();
  for (const dir of [dataDir, filesDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('fuzzing the profile, session, server, topology, sandbox and app methods through dispatch', () => {
  it.each(METHODS)(
    '%s: hostile input answers a Result, no secret, only the named profile changes',
    async (method) => {
      const inputs = fuzzInput(API[method].input, profileOverrides(places));
      // Starting the sandbox (a whole Sentinel deployment) is not for a fuzz loop: only refusals.
      const input =
        method === 'sandbox.start' ? inputs.filter((i) => !API[method].input.safeParse(i ?? {}).success) : inputs;
      await fuzz(method, input, (raw) => checkedCall(method, raw), RUNS);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'a mix of profile calls leaves a profiles file a new core loads whole, with no secret in clear',
    async () => {
      const mutating = [
        'profiles.create',
        'profiles.update',
        'profiles.duplicate',
        'profiles.delete',
        'profiles.reorder',
        'profiles.import',
      ] as const;
      const call = fc.oneof(
        ...mutating.map((method) =>
          fuzzInput(API[method].input, profileOverrides(places)).map((input) => ({ method, input })),
        ),
      );
      await fuzz(
        'profiles mix',
        fc.array(call, { minLength: 1, maxLength: 8 }),
        async (calls) => {
          for (const { method, input } of calls) await checkedCall(method, input);
        },
        RUNS,
      );

      const saved = await listProfiles();
      const reloaded = createCore({ version: '0.0.0-test', host: 'web', dataDir });
      try {
        const list = unwrap(await reloaded.invoke('profiles.list', {}));
        expect(list.profiles).toEqual(saved);
        expect(list.notices.filter((n) => n.level === 'error')).toEqual([]);
      } finally {
        await reloaded.dispose();
      }
      for (const file of filesUnder(dataDir)) {
        const text = readFileSync(file, 'latin1');
        const inClear = SECRETS.filter((s) => text.includes(s));
        expect(inClear, `${file} holds secrets in clear`).toEqual([]);
      }
      expect(looseJson(saved)).not.toMatch(/fz-saved|fz-secret/);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
