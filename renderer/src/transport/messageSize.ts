import { MAX_CLIENT_MESSAGE_BYTES } from '../../../shared/api/transport';

/**
 * The UTF-8 size of a message when it may be over the host's limit, else undefined. Counting
 * bytes means encoding, so only strings long enough to matter are counted (≤ 3 bytes per UTF-16
 * unit; never fewer bytes than units).
 */
export function oversizeBytes(text: string, limit = MAX_CLIENT_MESSAGE_BYTES): number | undefined {
  if (text.length * 3 <= limit) return undefined;
  const bytes = text.length > limit ? text.length : new TextEncoder().encode(text).length;
  return bytes > limit ? bytes : undefined;
}
