import type { KeyBytes } from '../../../shared/api/keys';
import { parseEscapes, toKeyBytes } from './keyText';

/**
 * What a typed name or value stands for: the text as UTF-8, or — with `escapes` — the bytes its
 * `\xNN`, `\n`, `\t`, `\\` escapes spell (as redis-cli reads them), for binary data.
 */
export function typedBytes(text: string, escapes: boolean): { value: KeyBytes } | { error: string } {
  if (!escapes) return { value: text };
  const parsed = parseEscapes(text);
  return 'error' in parsed ? parsed : { value: toKeyBytes(parsed.bytes) };
}
