import { describe, expect, it } from 'vitest';
import { createRefusal, existingKeysText, ttlChange } from './newKeyInput';

describe('new key input', () => {
  it('turns a typed TTL into EX or PX', () => {
    expect(ttlChange('', 's', 'keep')).toEqual({ ttl: 'keep' });
    expect(ttlChange(' ', 'ms', 'persist')).toEqual({ ttl: 'persist' });
    expect(ttlChange('120', 's', 'keep')).toEqual({ ttl: { seconds: 120 } });
    expect(ttlChange('2', 'h', 'keep')).toEqual({ ttl: { seconds: 7200 } });
    expect(ttlChange('1.5', 's', 'keep')).toEqual({ ttl: { ms: 1500 } });
    expect(ttlChange('90000', 'ms', 'keep')).toEqual({ ttl: { ms: 90000 } });
    expect(ttlChange('0', 's', 'keep')).toHaveProperty('error');
    expect(ttlChange('soon', 's', 'keep')).toHaveProperty('error');
  });
  it('explains refusals with the next step', () => {
    const exists = { code: 'KEY_EXISTS' as const, message: 'x' };
    expect(createRefusal(exists, 'k', 'absent')).toMatch(/^A key named “k” already exists/);
    expect(createRefusal({ code: 'NOT_FOUND', message: 'x' }, { base64: '/w==' }, 'exists')).toBe(
      'No key named “\\xff” exists, so nothing was written (only if it exists).',
    );
    expect(createRefusal({ code: 'OOM', message: 'out of memory' }, 'k', 'any')).toBe('out of memory');
  });
  it('names the keys an MSETNX refusal found', () => {
    expect(existingKeysText({ existing: ['a', 'b'] })).toBe('“a”, “b”');
    expect(existingKeysText({ existing: ['1', '2', '3', '4', '5', '6', '7'] })).toBe(
      '“1”, “2”, “3”, “4”, “5” and 2 more',
    );
  });
});
