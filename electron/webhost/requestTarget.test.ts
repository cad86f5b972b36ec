import { describe, expect, it } from 'vitest';
import { parseRequestTarget } from './requestTarget';

describe('parseRequestTarget', () => {
  it('reads plain paths and their query', () => {
    expect(parseRequestTarget('/')?.pathname).toBe('/');
    expect(parseRequestTarget('/api?token=abc')?.searchParams.get('token')).toBe('abc');
    expect(parseRequestTarget('/assets/app.js')?.pathname).toBe('/assets/app.js');
  });
  it('refuses what is not a plain path, without throwing', () => {
    for (const target of [undefined, '', '//', '///', '//evil.example/api', '/\\evil', '*', 'http://x/', 'api']) {
      expect(parseRequestTarget(target)).toBeUndefined();
    }
  });
});
