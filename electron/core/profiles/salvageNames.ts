/** `"name": "…"` as serializeProfilesFile writes it (no other field is called `name`). */
const NAME_FIELD = /"name"\s*:\s*("(?:[^"\\\r\n]|\\.){0,400}")/g;

/**
 * The profile names still legible in a damaged profiles file (a truncated or half-overwritten
 * one keeps most of them), so the user can be told exactly which profiles a backup lacks.
 */
export function salvageNames(bytes: Buffer): string[] {
  const names = new Set<string>();
  for (const [, quoted] of bytes.toString('utf8').matchAll(NAME_FIELD)) {
    try {
      const name: unknown = JSON.parse(quoted!);
      if (typeof name === 'string' && name.trim()) names.add(name);
    } catch {
      // Not a whole JSON string: not a name we can report.
    }
  }
  return [...names];
}
