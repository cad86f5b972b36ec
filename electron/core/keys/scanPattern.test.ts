import { describe, expect, it } from 'vitest';
import { globMatch, prefixPattern } from './scanPattern';

describe('scan patterns', () => {
  it('escapes glob characters in a folder prefix', () => {
    expect(prefixPattern(Buffer.from('a*b?[c]\\:')).toString('latin1')).toBe('a\\*b\\?\\[c\\]\\\\:*');
  });

  it('matches like Redis globs', () => {
    expect(globMatch('user:*', 'user:1')).toBe(true);
    expect(globMatch('user:*', 'use')).toBe(false);
    expect(globMatch('*:1?', 'a:b:12')).toBe(true);
    expect(globMatch('h[ae]llo', 'hallo')).toBe(true);
    expect(globMatch('h[^e]llo', 'hello')).toBe(false);
    expect(globMatch('h[a-c]llo', 'hbllo')).toBe(true);
    expect(globMatch('a\\*b', 'a*b')).toBe(true);
    expect(globMatch('a\\*b', 'axb')).toBe(false);
    expect(globMatch('*a*b*', 'xxaxxbxx')).toBe(true);
    expect(globMatch('', '')).toBe(true);
  });

  it('matches its own escaped prefixes', () => {
    const prefix = Buffer.from('a*b?[c]\\:');
    const pattern = prefixPattern(prefix).toString('latin1');
    expect(globMatch(pattern, prefix.toString('latin1') + 'rest')).toBe(true);
    expect(globMatch(pattern, 'a*b?[c]x:rest')).toBe(false);
  });
});
