import { describe, expect, it } from 'vitest';
import { bytesPreview } from './previewText';

describe('bytesPreview', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it('cuts saved bytes to the preview size, never inside a UTF-8 character', () => {
    expect(bytesPreview(utf8('aé✓'), 10)).toEqual({ value: 'aé✓', size: 6, truncated: false });
    expect(bytesPreview(utf8('aé✓'), 2)).toEqual({ value: 'a', size: 6, truncated: true });
    expect(bytesPreview(utf8('aé✓'), 4)).toEqual({ value: 'aé', size: 6, truncated: true });
  });

  it('binary bytes are cut at exactly the size', () => {
    const binary = new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x80]);
    expect(bytesPreview(binary, 4)).toEqual({ value: { base64: 'gICAgA==' }, size: 5, truncated: true });
  });
});
