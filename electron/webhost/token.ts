import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe. */
export const generateToken = (): string => randomBytes(32).toString('base64url');

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time comparison, also for inputs of different lengths (compares digests). */
export function tokensEqual(candidate: string, expected: string): boolean {
  return timingSafeEqual(digest(candidate), digest(expected));
}
