import type { ValuePreview } from '../../../shared/api/values';
import { displayKey, isEscaped } from '../ui/keyText';
import type { KeyBytes } from '../../../shared/api/keys';
import { bytesOf, formatBytes, toValueBytes } from './valueBytes';

/** A table cell's text: UTF-8 as is (control characters escaped), other bytes escaped like redis-cli. */
export const previewText = (p: ValuePreview): string => displayKey(p.value) + (p.truncated ? '…' : '');

/** Whether a preview is the whole value as plain one-line text (so it can be edited in place). */
export const editableInline = (p: ValuePreview): boolean =>
  !p.truncated && typeof p.value === 'string' && !isEscaped(p.value) && p.value.length <= 500;

/** "12 B", or "1.2 MB (first 4 KB shown)". */
export const previewSize = (p: ValuePreview): string =>
  p.truncated ? `${formatBytes(p.size)} (cut)` : formatBytes(p.size);

/** A preview of a value known whole (just written by the UI). */
export const wholePreview = (value: KeyBytes): ValuePreview => ({
  value,
  size: bytesOf(value).length,
  truncated: false,
});

const continuation = (byte: number | undefined) => byte !== undefined && (byte & 0xc0) === 0x80;

/**
 * A preview of bytes known whole (just saved by the UI), cut to `max` bytes like core cuts
 * previews: not inside a UTF-8 character, so text stays text.
 */
export function bytesPreview(bytes: Uint8Array, max: number): ValuePreview {
  if (bytes.length <= max) return { value: toValueBytes(bytes), size: bytes.length, truncated: false };
  let end = max;
  for (let back = 0; back < 3 && end > 0 && continuation(bytes[end]); back++) end--;
  if (end === 0 || continuation(bytes[end])) end = max;
  return { value: toValueBytes(bytes.subarray(0, end)), size: bytes.length, truncated: true };
}
