import fc from 'fast-check';
import { ERROR_CODES } from '../../../../shared/api/errors';
import type { MethodName } from '../../../../shared/api/methods';
import type { Result } from '../../../../shared/api/result';
import type { Core } from '../../createCore';

/*
 * Fixed seeds, so a failure replays: FUZZ_SEED=<n> npx vitest run <file> runs the same inputs;
 * FUZZ_RUNS_SCALE multiplies the runs per property (e.g. 20 for a long local hunt).
 */
export const FUZZ_SEED = Number(process.env['FUZZ_SEED'] ?? 1_105_011);
export const runsScale = Number(process.env['FUZZ_RUNS_SCALE'] ?? 1);
/** Per test: longer hunts get longer. */
export const FUZZ_TEST_TIMEOUT_MS = 60_000 * Math.max(1, runsScale);

/** A seed per property, so each one replays on its own. */
export function seedFor(name: string): number {
  let hash = FUZZ_SEED | 0;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/** A short, readable form of any input (huge strings and deep nesting summarised). */
export function brief(value: unknown, depth = 0): string {
  if (depth > 5) return '…(deeper)';
  if (typeof value === 'string') {
    const shown = value.length > 80 ? `${value.slice(0, 40)}…(${value.length} chars)` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object' || value === null) return Object.is(value, -0) ? '-0' : String(value);
  if (Array.isArray(value)) {
    const items = value.slice(0, 8).map((v) => brief(v, depth + 1));
    return `[${items.join(', ')}${value.length > 8 ? `, …(${value.length} items)` : ''}]`;
  }
  const proto = Object.getPrototypeOf(value) as object | null;
  const kind = proto === null ? '[null proto]' : proto === Object.prototype ? '' : `${proto.constructor?.name ?? '?'} `;
  const entries = Object.keys(value)
    .slice(0, 12)
    .map((k) => `${JSON.stringify(k)}: ${brief((value as Record<string, unknown>)[k], depth + 1)}`);
  return `${kind}{${entries.join(', ')}}`;
}

/** JSON for a secrets scan; never throws (inputs may hold BigInts or cycles-free oddities). */
export function looseJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? '';
  } catch {
    return fc.stringify(value);
  }
}

const KNOWN_CODES = new Set<string>(ERROR_CODES);

/** One call through dispatch; dispatch must answer a Result, so a throw is reported as such. */
export async function invoke(core: Core, method: MethodName, input: unknown): Promise<Result<unknown>> {
  try {
    return await core.dispatch(method, input);
  } catch (e) {
    throw new Error(`${method}: dispatch threw instead of answering a Result: ${(e as Error).message}`);
  }
}

/**
 * What is wrong with a dispatch answer, if anything: it must be a Result, serialisable as JSON
 * (the web host sends it so), with a known error code and never INTERNAL (that is a bug in core:
 * bad input must be refused with a precise code).
 */
export function resultProblem(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null || typeof (result as { ok?: unknown }).ok !== 'boolean') {
    return `not a Result: ${brief(result)}`;
  }
  try {
    JSON.stringify(result);
  } catch (e) {
    return `the Result cannot be sent as JSON: ${(e as Error).message}`;
  }
  const r = result as { ok: boolean; error?: { code?: unknown; message?: unknown } };
  if (r.ok) return undefined;
  const code = String(r.error?.code);
  if (!KNOWN_CODES.has(code)) return `unknown error code ${code}`;
  if (typeof r.error?.message !== 'string') return 'an error without a message';
  if (code === 'INTERNAL') return `INTERNAL: ${String(r.error?.message)}`;
  return undefined;
}

/** The secrets in `output` that the call's own input did not carry (those it may echo back). */
export function leakedSecrets(secrets: Iterable<string>, input: unknown, output: unknown): string[] {
  const out = looseJson(output);
  const leaked = [...secrets].filter((s) => out.includes(s));
  if (!leaked.length) return [];
  const sent = looseJson(input);
  return leaked.filter((s) => !sent.includes(s));
}

/**
 * Runs `predicate` (which throws on a violation) over `arbitrary` with the property's own seed;
 * on failure, the error names the seed, the shrunk input (summarised) and what went wrong.
 */
export async function fuzz<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  predicate: (input: T) => Promise<void>,
  numRuns: number,
): Promise<void> {
  const seed = seedFor(name);
  const details = await fc.check(fc.asyncProperty(arbitrary, predicate), {
    seed,
    numRuns: Math.max(1, Math.round(numRuns * runsScale)),
    // Shrinking replays calls against live state: keep it bounded.
    endOnFailure: process.env['FUZZ_SHRINK'] !== '1',
  });
  if (!details.failed) return;
  const input = details.counterexample ? brief(details.counterexample[0]) : '(none)';
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    `Fuzz "${name}" failed (FUZZ_SEED=${FUZZ_SEED}, property seed ${seed}, path "${details.counterexamplePath}", ` +
      `run ${details.numRuns}):\n  input: ${input}\n  ${error}`,
  );
}

/** Answers per method and code: FUZZ_STATS=1 prints them, to see what the fuzz reaches. */
export function answerTally() {
  const counts: Record<string, Record<string, number>> = {};
  return {
    record(method: string, result: { ok: boolean; error?: { code: string } }) {
      const code = result.ok ? 'ok' : (result.error?.code ?? '?');
      const forMethod = (counts[method] ??= {});
      forMethod[code] = (forMethod[code] ?? 0) + 1;
    },
    print() {
      if (!process.env['FUZZ_STATS']) return;
      const lines = Object.entries(counts).map(([method, codes]) => `${method}: ${JSON.stringify(codes)}`);
      console.log(`Fuzz answers (FUZZ_SEED=${FUZZ_SEED}):\n${lines.join('\n')}`);
    },
  };
}

/** Pushed events must reach the UI as JSON too: the ones that cannot, by name. */
export function eventWatch(core: Core) {
  const unsendable: string[] = [];
  core.events.onAny((event, payload) => {
    try {
      JSON.stringify(payload);
    } catch (e) {
      unsendable.push(`${event}: ${(e as Error).message}`);
    }
  });
  return {
    /** Throws if an event since the last check could not be sent. */
    check() {
      if (unsendable.length) throw new Error(`events that cannot be sent as JSON: ${unsendable.splice(0).join('; ')}`);
    },
  };
}
