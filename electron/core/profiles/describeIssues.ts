import type { z } from 'zod';

const pathText = (path: readonly PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');

/** Zod issues as one short sentence: `profiles[2].port: Port must be 1–65535; …`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], max = 3): string {
  const shown = issues.slice(0, max).map((i) => (i.path.length ? `${pathText(i.path)}: ${i.message}` : i.message));
  const more = issues.length > max ? ` (and ${issues.length - max} more)` : '';
  return `${shown.join('; ')}${more}`;
}
