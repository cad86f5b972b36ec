import { ApiFailure } from '../api/apiFailure';

const MAX_NAME = 100;
const COPY_SUFFIX = / \(copy(?: \d+)?\)$/;

/** Cuts to at most `max` UTF-16 units without splitting a character. */
function fit(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out.trimEnd();
}

/** "X (copy)", then "X (copy 2)", "X (copy 3)"…: the first name not taken. A copy of a copy counts on. */
export function copyName(name: string, taken: readonly string[]): string {
  const base = name.replace(COPY_SUFFIX, '');
  const names = new Set(taken);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`;
    const candidate = `${fit(base, MAX_NAME - suffix.length)}${suffix}`;
    if (!names.has(candidate)) return candidate;
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Throws VALIDATION_FAILED unless `ids` lists every saved id exactly once. */
export function checkPermutation(ids: readonly string[], savedIds: readonly string[]): void {
  const saved = new Set(savedIds);
  const given = new Set(ids);
  const repeated = ids.length - given.size;
  const unknown = [...given].filter((id) => !saved.has(id)).length;
  const missing = savedIds.filter((id) => !given.has(id)).length;
  const problems: string[] = [];
  if (repeated) problems.push(`lists ${plural(repeated, 'profile', 'profiles')} more than once`);
  if (unknown)
    problems.push(`includes ${plural(unknown, 'profile that no longer exists', 'profiles that no longer exist')}`);
  if (missing) problems.push(`leaves out ${plural(missing, 'saved profile', 'saved profiles')}`);
  if (problems.length) {
    throw new ApiFailure(
      'VALIDATION_FAILED',
      `The new order must list every saved profile exactly once, but it ${problems.join(' and ')}. The list may have changed in another window: reload it and try again.`,
    );
  }
}
