/**
 * Parses an INFO reply into sections: `# Server` → `server`, `key:value` lines → entries.
 * Values stay strings (INFO mixes numbers, sizes and lists); callers pick what they need.
 */
export function parseInfo(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = {};
  let current: Record<string, string> = {};
  sections['default'] = current;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('#')) {
      const name = line.slice(1).trim().toLowerCase();
      current = sections[name] ??= {};
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    current[line.slice(0, colon)] = line.slice(colon + 1);
  }
  if (Object.keys(sections['default'] ?? {}).length === 0) delete sections['default'];
  return sections;
}

export const infoNumber = (value: string | undefined): number | null => {
  if (value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};
