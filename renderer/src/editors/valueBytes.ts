import type { ValueBytes } from '../../../shared/api/values';
import { timeSlicer } from './timeSlices';

const encoder = new TextEncoder();
// `ignoreBOM`: a leading EF BB BF is part of the value, not a marker to drop.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Bytes per String.fromCharCode call: big enough to be fast, small enough for the argument limit. */
const CHUNK = 0x8000;

/*
 * The text of bytes already decoded (or encoded from text), by identity: a 50 MB value is
 * decoded once, not once per view decision.
 */
const texts = new WeakMap<Uint8Array, string | null>();

/** A value's bytes, from the wire form (UTF-8 text, or `{ base64 }` for other bytes). */
export function bytesOf(value: ValueBytes): Uint8Array {
  if (typeof value === 'string') {
    const bytes = encoder.encode(value);
    texts.set(bytes, value);
    return bytes;
  }
  const binary = atob(value.base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The text of UTF-8 bytes, or null when they are not valid UTF-8. */
export function utf8Text(bytes: Uint8Array): string | null {
  const known = texts.get(bytes);
  if (known !== undefined) return known;
  let text: string | null;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    text = null;
  }
  texts.set(bytes, text);
  return text;
}

export function utf8Bytes(text: string): Uint8Array {
  const bytes = encoder.encode(text);
  texts.set(bytes, text);
  return bytes;
}

/** Bytes in the wire form: text when they are valid UTF-8, else base64 (round-trips every byte). */
export function toValueBytes(bytes: Uint8Array): ValueBytes {
  const text = utf8Text(bytes);
  if (text !== null) return text;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return { base64: btoa(binary) };
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** sameBytes for big values, compared in time slices. */
export async function sameBytesInSlices(a: Uint8Array, b: Uint8Array): Promise<boolean> {
  if (a === b || a.length !== b.length) return a === b;
  const slice = timeSlicer();
  for (let from = 0; from < a.length; from += CHUNK) {
    if (!sameBytes(a.subarray(from, from + CHUNK), b.subarray(from, from + CHUNK))) return false;
    await slice();
  }
  return true;
}

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** "512 B", "1 MB", "47.7 MB": sizes as people read them (1 KB = 1024 bytes). */
export function formatBytes(n: number): string {
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 || value >= 100 ? Math.round(value) : Number(value.toFixed(1));
  return `${shown} ${UNITS[unit]}`;
}

/** "1,234". */
export const count = (n: number): string => n.toLocaleString('en-US');
