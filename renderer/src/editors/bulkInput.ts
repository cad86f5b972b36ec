import { reformatJson } from './jsonFormat';

export interface BulkPair {
  key: string;
  value: string;
}

export type BulkParse = { pairs: BulkPair[] } | { error: string };

/** MSET takes at most this many keys from the UI at once (the API's limit). */
const MAX_BULK_PAIRS = 10_000;

/**
 * Pasted strings to create: a JSON object (`{"a": "1", "b": 2}`: non-string values are stored as
 * their JSON text) or `key=value` lines (split at the first `=`; blank lines and lines starting
 * with `#` are skipped). A key given twice is an error rather than a silent last-one-wins.
 */
export function parseBulk(input: string): BulkParse {
  const text = input.trim();
  if (!text) return { error: 'Paste key=value lines or a JSON object.' };
  if (text.startsWith('[')) return { error: 'Give a JSON object ({"key": "value", …}), not an array.' };
  const pairs = text.startsWith('{') ? fromJson(text) : fromLines(input);
  if ('error' in pairs) return pairs;
  if (pairs.pairs.length === 0) return { error: 'No keys found: paste key=value lines or a JSON object.' };
  if (pairs.pairs.length > MAX_BULK_PAIRS)
    return { error: `At most ${MAX_BULK_PAIRS.toLocaleString('en-US')} keys at once.` };
  const seen = new Set<string>();
  for (const { key } of pairs.pairs) {
    if (seen.has(key)) return { error: `The key “${key}” is given twice.` };
    seen.add(key);
  }
  return pairs;
}

function fromJson(text: string): BulkParse {
  const compact = reformatJson(text, null);
  if ('error' in compact) return { error: 'That is not a valid JSON object.' };
  return { pairs: entriesOf(compact.text) };
}

/**
 * The top-level entries of a compact JSON object. Values that are not strings are kept as their
 * exact JSON text (JSON.parse would round big numbers).
 */
function entriesOf(compact: string): BulkPair[] {
  const pairs: BulkPair[] = [];
  let depth = 0;
  let inString = false;
  let start = 1;
  let key = '';
  for (let i = 1; i < compact.length; i++) {
    const c = compact[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && depth > 0) depth--;
    else if (depth === 0 && c === ':') {
      key = JSON.parse(compact.slice(start, i)) as string;
      start = i + 1;
    } else if (depth === 0 && (c === ',' || i === compact.length - 1)) {
      const raw = compact.slice(start, i);
      if (raw) pairs.push({ key, value: raw.startsWith('"') ? (JSON.parse(raw) as string) : raw });
      start = i + 1;
    }
  }
  return pairs;
}

function fromLines(input: string): BulkParse {
  const pairs: BulkPair[] = [];
  const lines = input.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    if (at <= 0) return { error: `Line ${i + 1} is not key=value: “${line.slice(0, 60)}”.` };
    pairs.push({ key: line.slice(0, at), value: line.slice(at + 1) });
  }
  return { pairs };
}
