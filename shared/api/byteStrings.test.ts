import { describe, expect, it } from 'vitest';
import { API } from './methods';

// Keys and values cross the boundary as UTF-8 text or `{ base64 }`; both must name exactly one
// byte sequence. Node's base64 decoder skips what it does not know ('***' → no bytes: the empty
// key) and UTF-8 encoding turns a lone surrogate into EF BF BD: such inputs are refused.
const at = { sessionId: 's1', db: 0 };
const keyInput = (key: unknown) => API['keys.lookup'].input.safeParse({ ...at, key });
const valueInput = (value: unknown) =>
  API['values.string.set'].input.safeParse({ ...at, key: 'k', value, expect: 'any' });
const chunkInput = (value: unknown) =>
  API['values.string.upload'].input.safeParse({ ...at, key: 'k', uploadId: 'a'.repeat(32), offset: 0, value });

const NOT_CANONICAL = [
  '***', // no base64 letter at all: Node decodes it to the empty key
  'QQ', // unpadded
  'QQ=', // short padding
  'QR==', // unused bits set: decodes to "A", which encodes as QQ==
  'QUJ=', // the same with one "="
  'QUJD\n', // whitespace
  'QU JD',
  'QUJD====',
  '=QUJ',
  'QU=D',
  'QUJD-_==', // the URL-safe alphabet
  'QUJ\u00c4',
];
const CANONICAL = ['', 'QQ==', 'QUI=', 'QUJD', '/+/+', '/wD+gA==' /* ff 00 fe 80 */];
const LONE_SURROGATES = ['\ud800', 'a\udfffb', 'key:\ud83d', '\ude00x', '\udc00\ud800'];
const WELL_FORMED = ['', 'user:1', 'ünï ✓', 'emoji \ud83d\ude00', '\u0000nul\u0000', '\ufffd'];

describe.each([
  ['a key (KeyBytes)', keyInput],
  ['a value (ValueBytes)', valueInput],
  ['a chunk (ChunkBytes)', chunkInput],
])('%s', (_what, parse) => {
  it.each(NOT_CANONICAL)('refuses non-canonical base64 %j', (base64) => {
    const parsed = parse({ base64 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.message).toMatch(/canonical base64/);
  });

  it.each(CANONICAL)('accepts canonical base64 %j', (base64) => {
    expect(parse({ base64 }).success).toBe(true);
  });

  it.each(LONE_SURROGATES)('refuses text with a lone surrogate %j', (text) => {
    const parsed = parse(text);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.message).toMatch(/lone surrogate/);
  });

  it.each(WELL_FORMED)('accepts well-formed text %j', (text) => {
    expect(parse(text).success).toBe(true);
  });
});
