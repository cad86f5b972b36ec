import { describe, expect, it } from 'vitest';
import { asciiOf, bytesInLine, parseHex, toHex } from './hexText';

describe('hex text', () => {
  it('round-trips every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = toHex(all);
    expect(text.split('\n')).toHaveLength(16);
    expect(text.split('\n')[0]).toBe('00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f');
    const back = parseHex(text);
    expect('bytes' in back && [...back.bytes]).toEqual([...all]);
  });
  it('reads any whitespace and either case', () => {
    const r = parseHex(' DE ad\n\tbe EF ');
    expect('bytes' in r && [...r.bytes]).toEqual([0xde, 0xad, 0xbe, 0xef]);
    expect(parseHex('')).toEqual({ bytes: new Uint8Array() });
  });
  it('says where the hex is wrong', () => {
    expect(parseHex('41 4g')).toMatchObject({ offset: 4 });
    expect(parseHex('41 4')).toMatchObject({ offset: 3, error: expect.stringContaining('two hex digits') });
  });
  it('counts bytes and shows ASCII per line', () => {
    expect(bytesInLine('48 65 6c')).toBe(3);
    expect(asciiOf('48 69 00 7e')).toBe('Hi.~');
  });
});
