import { MAX_CLIENT_MESSAGE_BYTES } from '../../../shared/api/transport';

/**
 * The size of a message (a binary frame's, or a text's in UTF-8) when it may be over the host's
 * limit, else undefined. Counting a text's bytes means encoding, so only texts long enough to
 * matter are counted (≤ 3 bytes per UTF-16 unit; never fewer bytes than units).
 */
export function oversizeBytes(text: string | Uint8Array, limit = MAX_CLIENT_MESSAGE_BYTES): number | undefined {
  if (typeof text !== 'string') return text.length > limit ? text.length : undefined;
  if (text.length * 3 <= limit) return undefined;
  const bytes = text.length > limit ? text.length : new TextEncoder().encode(text).length;
  return bytes > limit ? bytes : undefined;
}
