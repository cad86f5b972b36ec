import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type Redis from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KeyJobStatus } from '../../../shared/api/keys';
import { API, type MethodName } from '../../../shared/api/methods';
import type { Result } from '../../../shared/api/result';
import { createCore, type Core } from '../createCore';
import { startStandalone, waitFor, type StandaloneServer } from '../localRedis/testSupport';
import {
  answerTally,
  brief,
  eventWatch,
  fuzz,
  FUZZ_TEST_TIMEOUT_MS,
  invoke,
  resultProblem,
} from './testSupport/fuzzRun';
import {
  CANARY_KEYS,
  CURRENT_DB,
  FUZZ_DBS,
  keyValueOverrides,
  RO_SESSION,
  RW_SESSION,
  WRITE_METHODS,
} from './testSupport/keyValueInputs';
import { changesBetween, snapshotRedis, type Change, type RedisSnapshot } from './testSupport/redisSnapshot';
import { fuzzInput, validInput } from './testSupport/schemaArbitrary';
import { writeScope, type WriteScope } from './testSupport/writeScope';

// Every key and value method through the real dispatch, against a real Redis, with random and
// hostile inputs: each call answers a Result (never INTERNAL), and whatever it changes lies in
// the db it named and among the keys it named — checked after every call against a snapshot
// of every db. A read-only session changes nothing at all.
const METHODS = (Object.keys(API) as MethodName[]).filter((m) => m.startsWith('keys.') || m.startsWith('values.'));
const RUNS = 100;

let dataDir: string;
let core: Core;
let redis: StandaloneServer;
let admin: Redis;
let databases: number;
let snapshot: RedisSnapshot;
const sessions = { rw: '', ro: '' };
const profiles = { rw: '', ro: '' };
const jobs = new Map<string, KeyJobStatus>();
let lastJob = '';
const answers = answerTally();
let sentEvents: ReturnType<typeof eventWatch>;

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

/** Known content in dbs 0..3: the same key names, different values per db. */
async function seedCanaries(): Promise<void> {
  await admin.flushall();
  for (const db of FUZZ_DBS) {
    await admin.select(db);
    await admin
      .multi()
      .set('canary:str', `db${db}`)
      .hset('canary:hash', 'f', `db${db}`, 'g', 'same')
      .rpush('canary:list', `db${db}`, 'x')
      .sadd('canary:set', `db${db}`, 'y')
      .zadd('canary:zset', db, `db${db}`)
      .xadd('canary:stream', `1-${db + 1}`, 'f', `db${db}`)
      .set('fuzz:dir:1', `db${db}`)
      .exec();
  }
  await admin.select(0);
  snapshot = await snapshotRedis(admin, databases);
}

const openSession = async (profileId: string) => unwrap(await core.invoke('sessions.open', { profileId })).id;

/** The fuzz may close the sessions it works with: the next calls get fresh ones. */
async function reopenClosedSessions(): Promise<void> {
  const open = new Set(unwrap(await core.invoke('sessions.list', {})).map((s) => s.id));
  if (!open.has(sessions.rw)) sessions.rw = await openSession(profiles.rw);
  if (!open.has(sessions.ro)) sessions.ro = await openSession(profiles.ro);
}

/** The live ids in place of the placeholders (top level only: that is where ids live). */
async function materialize(input: unknown): Promise<{ input: unknown; session?: 'rw' | 'ro' }> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { input };
  const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  let session: 'rw' | 'ro' | undefined;
  if (copy['sessionId'] === RW_SESSION) [copy['sessionId'], session] = [sessions.rw, 'rw'];
  else if (copy['sessionId'] === RO_SESSION) [copy['sessionId'], session] = [sessions.ro, 'ro'];
  if (copy['jobId'] === '@job:last') copy['jobId'] = lastJob || 'none-yet';
  if (copy['db'] === CURRENT_DB) {
    const open = unwrap(await core.invoke('sessions.list', {}));
    copy['db'] = open.find((s) => s.id === copy['sessionId'])?.db ?? 0;
  }
  return { input: copy, session };
}

/** What a call may change: the keys in its scope, in the db it names, if it (may have) succeeded on the rw session. */
interface Allowance {
  db: number;
  scope: WriteScope;
}

function allowanceOf(method: MethodName, input: unknown, session: string | undefined, result: Result<unknown>) {
  // A write cut off by a closing connection may have applied (CONNECTION_LOST, `applied: 'unknown'`).
  const mayHaveWritten = result.ok || result.error.code === 'CONNECTION_LOST';
  if (!mayHaveWritten || session !== 'rw' || !WRITE_METHODS.has(method)) return undefined;
  const parsed = API[method].input.safeParse(input);
  if (!parsed.success) return undefined;
  const params = parsed.data as Record<string, unknown>;
  return { db: params['db'] as number, scope: writeScope(method, params) };
}

/** A deleteFolder job runs after its call answers: wait until it ends, so its writes are its call's. */
async function jobEnded(result: Result<unknown>): Promise<void> {
  if (!result.ok) return;
  const { jobId } = result.value as KeyJobStatus;
  lastJob = jobId;
  await waitFor(async () => (jobs.get(jobId)?.state ?? 'running') !== 'running', {
    timeoutMs: 20_000,
    intervalMs: 2,
    what: `job ${jobId} to end`,
  });
}

const describeChange = (c: Change) => `${c.what} db${c.db} ${brief(Buffer.from(c.key, 'latin1').toString())}`;

/** Keys or values the fuzz made huge are dropped between calls (outside the check) to keep snapshots small. */
async function dropHugeKeys(): Promise<void> {
  for (const id of [...snapshot.keys()]) {
    const at = id.indexOf('\u0000');
    const key = Buffer.from(id.slice(at + 1), 'latin1');
    if (key.length <= 256) continue;
    await admin.select(Number(id.slice(0, at)));
    await admin.del(key);
    snapshot.delete(id);
  }
  await admin.select(0);
}

/** Runs calls (at once when several) and checks each answer and everything they changed. */
async function checkedCalls(calls: { method: MethodName; input: unknown }[]): Promise<void> {
  const before = snapshot;
  const done = await Promise.all(
    calls.map(async ({ method, input: raw }) => {
      const { input, session } = await materialize(raw);
      const result = await invoke(core, method, input);
      answers.record(method, result);
      if (method === 'keys.deleteFolder') await jobEnded(result);
      return { method, input, session, result };
    }),
  );
  snapshot = await snapshotRedis(admin, databases);
  const changes = changesBetween(before, snapshot, Date.now());
  await reopenClosedSessions();
  await dropHugeKeys();

  sentEvents.check();
  for (const { method, session, result } of done) {
    const problem = resultProblem(result);
    if (problem) throw new Error(`${method}: ${problem}`);
    // The test's Redis is healthy: a refusal by it means core sent what it should have refused.
    if (!result.ok && result.error.code === 'REDIS_ERROR') {
      throw new Error(`${method}: Redis refused what core sent: ${result.error.message}`);
    }
    if (session === 'ro' && WRITE_METHODS.has(method) && result.ok) {
      throw new Error(`${method} succeeded on a read-only session`);
    }
  }
  const allowances = done
    .map(({ method, input, session, result }) => allowanceOf(method, input, session, result))
    .filter((a): a is Allowance => a !== undefined);
  const outside = changes.filter((c) => !allowances.some((a) => a.db === c.db && a.scope(c.key)));
  if (outside.length) {
    const called = done.map((a) => `${a.method} → ${a.result.ok ? 'ok' : a.result.error.code}`).join(', ');
    throw new Error(`changed outside what the calls named (${called}): ${outside.map(describeChange).join('; ')}`);
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'redlens-fuzz-kv-'));
  core = createCore({ version: '0.0.0-test', host: 'web', dataDir });
  sentEvents = eventWatch(core);
  core.events.on('keys.job', (status) => jobs.set(status.jobId, status));
  redis = await startStandalone();
  admin = await redis.node.client();
  databases = Number(((await admin.config('GET', 'databases')) as string[])[1]);
  const base = { kind: 'standalone', host: '127.0.0.1', port: redis.port } as const;
  profiles.rw = unwrap(await core.invoke('profiles.create', { profile: { ...base, name: 'Fuzz rw' } })).id;
  profiles.ro = unwrap(
    await core.invoke('profiles.create', { profile: { ...base, name: 'Fuzz ro', readOnly: true } }),
  ).id;
  sessions.rw = await openSession(profiles.rw);
  sessions.ro = await openSession(profiles.ro);
}, 60_000);
afterAll(async () => {
  answers.print();
  await core?.dispose();
  admin?.disconnect();
  await redis?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(seedCanaries);

describe('fuzzing the key and value methods through dispatch (real Redis)', () => {
  it('has canaries in every fuzzed db, and the snapshot sees them', () => {
    for (const db of FUZZ_DBS) for (const key of CANARY_KEYS) expect(snapshot.has(`${db}\u0000${key}`)).toBe(true);
  });

  it.each(METHODS)(
    '%s: hostile input answers a Result and writes only what it names',
    async (method) => {
      const input = fuzzInput(API[method].input, keyValueOverrides(method));
      await fuzz(method, input, (raw) => checkedCalls([{ method, input: raw }]), RUNS);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'a read-only session changes nothing, whatever sequence of calls it is sent',
    async () => {
      const readOnly = fc.oneof(
        ...METHODS.map((method) =>
          fuzzInput(API[method].input, { ...keyValueOverrides(method), sessionId: fc.constant(RO_SESSION) }).map(
            (input) => ({ method, input }),
          ),
        ),
      );
      const sequence = fc.array(readOnly, { minLength: 1, maxLength: 10 });
      await fuzz(
        'read-only',
        sequence,
        async (calls) => {
          for (const call of calls) await checkedCalls([call]);
        },
        RUNS / 2,
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'calls at once, db switches among them: each write stays in its db',
    async () => {
      const call = fc.oneof(
        ...[...WRITE_METHODS, 'sessions.selectDb', 'sessions.close', 'keys.cancelJob', 'keys.scan'].map((method) =>
          validInput(API[method as MethodName].input, keyValueOverrides(method)).map((input) => ({
            method: method as MethodName,
            input,
          })),
        ),
      );
      await fuzz('concurrent', fc.array(call, { minLength: 2, maxLength: 6 }), checkedCalls, RUNS);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
