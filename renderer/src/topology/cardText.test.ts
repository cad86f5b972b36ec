import { describe, expect, it } from 'vitest';
import { wrapAddress, wrapStatus } from './cardText';

describe('card text', () => {
  it('wraps an address after dots and dashes or before the port, else anywhere, never losing a character', () => {
    expect(wrapAddress('127.0.0.1:26501', 20)).toEqual(['127.0.0.1:26501']);
    expect(wrapAddress('sentinel-1.example.com:26379', 22)).toEqual(['sentinel-1.example.com', ':26379']);
    expect(wrapAddress('sentinel-1.example.com:26379', 12)).toEqual(['sentinel-1.', 'example.com', ':26379']);
    expect(wrapAddress('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    for (const [text, chars] of [
      ['[2001:db8::1]:26379', 7],
      ['x', 1],
      ['a.b.c.d.e.f', 3],
    ] as const) {
      const lines = wrapAddress(text, chars);
      expect(lines.join('')).toBe(text);
      expect(lines.every((l) => l.length > 0 && l.length <= chars)).toBe(true);
    }
  });

  it('wraps a status between its parts, keeping each part (an address) whole on a line', () => {
    expect(wrapStatus('up · agrees', 30)).toEqual(['up · agrees']);
    expect(wrapStatus('up · failover leader · sees 127.0.0.1:6380', 24)).toEqual([
      'up · failover leader',
      'sees 127.0.0.1:6380',
    ]);
    expect(wrapStatus('', 20)).toEqual([]);
  });

  it('cuts only past three lines (a long error message), with an ellipsis', () => {
    const lines = wrapStatus('down · connect ETIMEDOUT after 10000 ms while the network was unreachable', 16);
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l.length <= 16)).toBe(true);
    expect(lines[2]!.endsWith('…')).toBe(true);
  });
});
