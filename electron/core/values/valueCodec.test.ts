import { describe, expect, it } from 'vitest';
import { cutPrefix, decodeValue, encodeValue, preview, TEXT_CHECK_BYTES, versionOf } from './valueCodec';

describe('valueCodec', () => {
  it('round-trips every byte value, as text when UTF-8 and base64 otherwise', () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const encoded = encodeValue(all);
    expect(encoded).toEqual({ base64: all.toString('base64') });
    expect(decodeValue(encoded).equals(all)).toBe(true);
    expect(encodeValue(Buffer.from('ü ✓', 'utf8'))).toBe('ü ✓');
  });

  it('a long value that JSON escaping would inflate beyond base64 goes as base64; short ones keep their form', () => {
    const nul = Buffer.alloc(TEXT_CHECK_BYTES + 1);
    expect(encodeValue(nul)).toEqual({ base64: nul.toString('base64') });
    expect(encodeValue(nul.subarray(0, TEXT_CHECK_BYTES))).toBe('\0'.repeat(TEXT_CHECK_BYTES));
    // Text with some escapes (JSON no bigger than base64) stays text.
    const lines = Buffer.from('line\n'.repeat(TEXT_CHECK_BYTES / 4), 'utf8');
    expect(encodeValue(lines)).toBe(lines.toString('utf8'));
    for (const bytes of [nul, lines]) {
      expect(JSON.stringify(encodeValue(bytes)).length).toBeLessThanOrEqual((bytes.length * 4) / 3 + 20);
    }
  });

  it('cuts a prefix without splitting a UTF-8 character, binary data at the exact size', () => {
    const text = Buffer.from('aé✓😀', 'utf8'); // 1 + 2 + 3 + 4 bytes
    expect(cutPrefix(text, 2).toString('utf8')).toBe('a');
    expect(cutPrefix(text, 3).toString('utf8')).toBe('aé');
    expect(cutPrefix(text, 5).toString('utf8')).toBe('aé');
    expect(cutPrefix(text, 9).toString('utf8')).toBe('aé✓');
    expect(cutPrefix(text, 10)).toBe(text);
    const binary = Buffer.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x80]);
    expect(cutPrefix(binary, 4).length).toBe(4);
  });

  it('previews say how much there is in all', () => {
    expect(preview(Buffer.from('hello'), 3)).toEqual({ value: 'hel', size: 5, truncated: true });
    expect(preview(Buffer.from('hi'), 3)).toEqual({ value: 'hi', size: 2, truncated: false });
    expect(preview(Buffer.from('hello'), 10, 500)).toEqual({ value: 'hello', size: 500, truncated: true });
  });

  it('versions are SHA-1 hex, like redis.sha1hex', () => {
    expect(versionOf(Buffer.from('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });
});
