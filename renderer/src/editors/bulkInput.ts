import type { KeyBytes } from '../../../shared/api/keys';
import { displayKey, keyId, parseEscapes, toKeyBytes } from '../ui/keyText';
import { reformatJson } from './jsonFormat';

export interface BulkPair {
  key: KeyBytes;
  value: string;
}

export type BulkParse = { pairs: BulkPair[] } | { error: string };

/** MSET takes at most this many keys from the UI at once (the API's limit). */
const MAX_BULK_PAIRS = 10_000;

/**
 * Pasted strings to create: a JSON object (`{"a": "1", "b": 2}`: non-string values are stored as
 * their JSON text) or `key=value` lines (split at the first `=`; blank lines and lines starting
 * with `#` are skipped). A key given twice is an error rather than a silent last-one-wins.
 *
 * In `key=value` lines the name is trimmed (`  cmp:d =1` writes `cmp:d`), unless it is quoted:
 * `"  a "=v` keeps the spaces, and inside the quotes the escapes of the other forms work
 * (`\"`, `\\`, `\n`, `\t`, `\xNN`), so `"a\"=b"=v` is the key `a"=b`. Values are kept as typed.
 * JSON names are already quoted and kept exactly.
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
    if (seen.has(keyId(key))) return { error: `The key “${displayKey(key)}” is given twice.` };
    seen.add(keyId(key));
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
    const pair = line.trimStart().startsWith('"') ? quotedLine(line.trimStart()) : plainLine(line);
    if ('error' in pair) return { error: `Line ${i + 1} ${pair.error}` };
    pairs.push(pair);
  }
  return { pairs };
}

const notKeyValue = (line: string) => ({ error: `is not key=value: “${line.slice(0, 60)}”.` });

/** `name=value`: the name trimmed, split at the first `=`. */
function plainLine(line: string): BulkPair | { error: string } {
  const at = line.indexOf('=');
  const key = at < 0 ? '' : line.slice(0, at).trim();
  if (!key) return notKeyValue(line);
  return { key, value: line.slice(at + 1) };
}

/** `"name"=value`: the name as quoted, with its escapes read; spaces outside the quotes ignored. */
function quotedLine(line: string): BulkPair | { error: string } {
  let end = 1;
  while (end < line.length && line[end] !== '"') end += line[end] === '\\' ? 2 : 1;
  if (end >= line.length)
    return { error: 'has a quoted name with no closing quote (write \\" for a quote inside it).' };
  const rest = line.slice(end + 1).trimStart();
  if (!rest.startsWith('=')) return notKeyValue(line);
  const bytes = parseEscapes(line.slice(1, end));
  if ('error' in bytes) return { error: `has a bad escape in its quoted name: ${bytes.error}` };
  if (bytes.bytes.length === 0) return { error: 'has an empty quoted name.' };
  return { key: toKeyBytes(bytes.bytes), value: rest.slice(1) };
}
