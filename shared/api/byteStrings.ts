import { z } from 'zod';

/*
 * Keys and values cross the boundary as UTF-8 text or `{ base64 }` (see KeyBytes). Each form
 * must name exactly one byte sequence: Node's base64 decoder skips characters it does not know
 * (`'***'` decodes to no bytes — the empty key) and UTF-8 encoding turns a lone surrogate into
 * EF BF BD, so both would silently act on other bytes than the ones sent.
 */

const BASE64_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_SHAPE = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Canonical base64 (RFC 4648 §4): only `A–Z a–z 0–9 + /`, `=` padding to a multiple of 4, and
 * the unused low bits of the last letter zero — exactly the strings some bytes encode to, so
 * decoding and re-encoding gives the same string back.
 */
export function isCanonicalBase64(text: string): boolean {
  if (text.length % 4 !== 0 || !BASE64_SHAPE.test(text)) return false;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  if (padding === 0) return true;
  const last = BASE64_LETTERS.indexOf(text.charAt(text.length - padding - 1));
  return (last & (padding === 2 ? 0x0f : 0x03)) === 0;
}

const LONE_SURROGATE = /\p{Surrogate}/u;
type MaybeWellFormed = { isWellFormed?: () => boolean };

/** No lone surrogate (half of a UTF-16 pair): the text has exactly one UTF-8 encoding. */
export const isWellFormedText = (text: string): boolean =>
  // String#isWellFormed (Node 20, Chromium 111) is far faster than the regex on big values.
  (text as MaybeWellFormed).isWellFormed?.() ?? !LONE_SURROGATE.test(text);

export const LONE_SURROGATE_MESSAGE =
  'Text with a lone surrogate (half of a UTF-16 character) has no exact UTF-8 bytes: send such bytes as base64';
export const NOT_CANONICAL_BASE64_MESSAGE =
  'Not canonical base64: only A–Z a–z 0–9 + / with = padding to a multiple of 4, as the bytes encode to';

/** Bytes as text (at most `maxText` UTF-16 units) or `{ base64 }` (at most `maxBase64` characters). */
export const bytesSchema = (maxText: number, maxBase64: number) =>
  z.union([
    z.string().max(maxText).refine(isWellFormedText, LONE_SURROGATE_MESSAGE),
    z.object({ base64: z.string().max(maxBase64).refine(isCanonicalBase64, NOT_CANONICAL_BASE64_MESSAGE) }).strict(),
  ]);
