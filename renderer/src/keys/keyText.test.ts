import { describe, expect, it } from 'vitest';
import { displayKey, escapeBytes, isPattern, keyId } from './keyText';

describe('key text', () => {
  it('escapes bytes like redis-cli', () => {
    expect(escapeBytes(new Uint8Array([0x61, 0xff, 0x00, 0x0a, 0x7f]))).toBe('a\\xff\\x00\\n\\x7f');
    expect(displayKey({ base64: btoa(String.fromCharCode(0xc3, 0x28, 0x41)) })).toBe('\\xc3(A');
  });
  it('shows UTF-8 text as is, control characters escaped', () => {
    expect(displayKey('user:héllo:1')).toBe('user:héllo:1');
    expect(displayKey('a\tb')).toBe('a\\tb');
  });
  it('keeps text and binary identities apart', () => {
    expect(keyId('abc')).not.toBe(keyId({ base64: 'abc' }));
  });
  it('tells patterns from exact keys', () => {
    expect(isPattern('user:*')).toBe(true);
    expect(isPattern('user:[12]')).toBe(true);
    expect(isPattern('user:1')).toBe(false);
  });
});
