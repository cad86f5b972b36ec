import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n';
import { describeTtl, parseTtl } from './ttlInput';

describe('TTL input', () => {
  it('reads seconds, milliseconds and larger units', () => {
    expect(parseTtl('90', 's')).toEqual({ ttlMs: 90_000 });
    expect(parseTtl('1.5', 's')).toEqual({ ttlMs: 1_500 });
    expect(parseTtl('250', 'ms')).toEqual({ ttlMs: 250 });
    expect(parseTtl('2', 'h')).toEqual({ ttlMs: 7_200_000 });
    expect(parseTtl('1,000', 'min')).toEqual({ ttlMs: 60_000_000 });
  });
  it('says what is wrong', () => {
    expect(parseTtl('', 's')).toEqual({ error: 'Enter a number greater than 0.' });
    expect(parseTtl('-3', 's')).toEqual({ error: 'Enter a number greater than 0.' });
    expect(parseTtl('abc', 's')).toEqual({ error: 'Enter a number greater than 0.' });
    expect(parseTtl('1.5', 'ms')).toEqual({ error: 'Milliseconds are whole numbers.' });
    expect(parseTtl('0.0001', 's')).toEqual({ error: 'That is less than 1 millisecond.' });
    expect(parseTtl('40000', 'd')).toEqual({ error: 'At most 100 years.' });
  });
  it('describes TTLs as people read them', () => {
    expect(describeTtl(250)).toBe('250 ms');
    expect(describeTtl(45_000)).toBe('45 s');
    expect(describeTtl(90_000)).toBe('1 min 30 s');
    expect(describeTtl(5_400_000)).toBe('1 h 30 min');
    expect(describeTtl(86_400_000 * 2)).toBe('2 d');
  });
  it('in Chinese too', () => {
    const zh = i18n.getFixedT('zh-CN');
    expect(describeTtl(5_400_000, zh)).toBe('1 小时 30 分');
    expect(describeTtl(250, zh)).toBe('250 毫秒');
    expect(parseTtl('1.5', 'ms', zh)).toEqual({ error: '毫秒必须是整数。' });
  });
});
